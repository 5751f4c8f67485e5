"""Types of the C tokenizer in ``_tokens.c``."""

from worker.entities.tokens import Token

def sentences(text: str, pos: int, endpos: int, token_type: type[Token]) -> list[list[Token]]:
    """Tokens grouped into sentences, as ``tokens.sentences_py`` groups them."""

def plain_chars(text: str, table: bytes) -> bool:
    """Whether every character of ``text`` has bit 1 in ``table`` and no bit-4 one follows a bit-2 one."""
