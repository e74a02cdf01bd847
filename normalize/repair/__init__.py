"""Put back the Vietnamese letters (U+1EA0..U+1EF9) that page extraction dropped.

Public API: :func:`restore`, :class:`RestoreResult`, :class:`Repair`,
:class:`DocumentEvidence`, :func:`load_model`, :data:`DEFAULT_THRESHOLD`,
:func:`fix_and_explain`. See normalize/data/README.md for the model file.
"""

from functools import lru_cache

from normalize.repair.core import (
    DEFAULT_THRESHOLD,
    Repair,
    RestoreResult,
    fix_and_explain,
    restore,
)
from normalize.repair.evidence import DocumentEvidence
from normalize.repair.fixes import (
    JOIN_LINE_BROKEN_WORD,
    RESTORE_INNER_LETTER,
    RESTORE_LOST_WORD,
    SPLIT_GLUED_SYLLABLES,
)
from normalize.repair.lm import DEFAULT_MODEL_PATH, SyllableModel, load_model


@lru_cache(maxsize=4)
def model_fingerprint(path: str | None = None) -> str:
    """Identity of the model file (its sha256, shortened): a new model reprocesses documents."""
    import hashlib
    from pathlib import Path

    return hashlib.sha256(Path(path or DEFAULT_MODEL_PATH).read_bytes()).hexdigest()[:16]


__all__ = [
    "DEFAULT_THRESHOLD",
    "JOIN_LINE_BROKEN_WORD",
    "RESTORE_INNER_LETTER",
    "RESTORE_LOST_WORD",
    "SPLIT_GLUED_SYLLABLES",
    "DocumentEvidence",
    "Repair",
    "RestoreResult",
    "SyllableModel",
    "fix_and_explain",
    "load_model",
    "model_fingerprint",
    "restore",
]
