"""Entity layer: people, organisations and places of an item, with stable ids.

``extract_entities(fields, language)`` is the entry point; ``entity_id_for``
and ``canonicalize`` serve the quote layer.  No faust.  The per-token modules can
be compiled with mypyc (``python -m worker.entities.compile``, run by
``scripts/setup.sh``); the sources run wherever no current build is (``compiled.py``).

Kazakh spans come from a CRF (python-crfsuite) trained by
``python -m worker.entities.train`` on the validation split of KazNERD, read
from outside the repository and never stored in it:

    Yeshpanov, R., Khassanov, Y., Varol, H. A. "KazNERD: Kazakh Named Entity
    Recognition Dataset." LREC 2022.  CC BY 4.0.

Retrain and score (dev, and the held-out part with ``--holdout``):

    python -m worker.entities.train --final --holdout      # writes data/kk_ner.crfsuite
    python -m worker.entities.train --cv 3                  # tuning without the held-out part
    python scripts/entities_cv.py                           # k-fold CV of CRF and detector (train+dev)
    python scripts/bench_entities.py                        # MB/s per core on Kazakh text
    python scripts/entities_hostile.py --scale              # ms per 100 KB on hostile input

The gazetteer (``data/gazetteer.tsv``: places, state bodies, parties,
companies, media, officials and international organisations in Kazakh,
Russian, English and Latin-script Kazakh, Wikidata QIDs where certain) and
``data/first_names.txt`` are authored for this project.  ``data/kk_words.txt``
(hunspell-kk's headwords, MPL-1.1) and ``data/kk_cased.txt.gz`` (how the word list
of Tesseract's Kazakh model writes each form, Apache-2.0) are built from Debian's
packages by ``scripts/build_kk_lexicons.py``.
"""

from worker.entities.compiled import implementation, use_sources_if_needed

use_sources_if_needed()  # before the compiled modules are first imported

from worker.entities.extract import canonicalize, entity_id_for, extract_entities  # noqa: E402

__all__ = ["canonicalize", "entity_id_for", "extract_entities", "implementation"]
