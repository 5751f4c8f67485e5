"""Types of the C decoder in ``_crf.c``."""

def viterbi(state: bytes, transitions: bytes, n_labels: int, ids: list[int], starts: list[int]) -> list[int]:
    """Label indices of the best path (see ``_crf.c``)."""
