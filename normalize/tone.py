"""Old-style tone placement to the new style ("hoà" -> "hòa", "thuỷ" -> "thủy", "Uỷ" -> "Ủy").

The same word printed two ways breaks joins downstream (agency names are join keys), so the
cleaning step writes one form. The mapping is underthesea's token map, kept only where it
moves a tone mark and nothing else: its entries that change letters ("nghành" -> "ngành") or
produce two tone marks are spelling guesses, and guessing is not this step's job.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from normalize.vietnamese import split_tone

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def tone_placement_map() -> dict[str, str]:
    """Old-style forms -> new-style forms, each moving one tone mark within the same letters."""
    from underthesea.pipeline.text_normalize.text_normalizer import token_map

    table: dict[str, str] = {}
    for old, new in token_map.items():
        new = unicodedata.normalize("NFC", new)
        if (
            old != new
            and unicodedata.is_normalized("NFC", old)
            and split_tone(old)[0] == split_tone(new)[0]
            and split_tone(old)[2] == 1
            and split_tone(new)[2] == 1
        ):
            table[old] = new
    return table


def normalize_tone_placement(text: str) -> str:
    """Every word with old-style tone placement rewritten in the new style; nothing else."""
    table = tone_placement_map()
    return _WORD.sub(lambda m: table.get(m.group(0), m.group(0)), text)
