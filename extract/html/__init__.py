"""HTML reader: saved LawNet-style pages (any encoding) -> ``RawPage`` without losing a letter.

Public API: ``read_html``, ``decode_html_bytes``, ``looks_like_html``.
"""

from __future__ import annotations

from .decode import decode_html_bytes, looks_like_html
from .reader import read_html

__all__ = ["decode_html_bytes", "looks_like_html", "read_html"]
