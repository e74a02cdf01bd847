"""Every tunable of the HTML reader in one place: tag sets, label lists, clutter phrases.

Phrases are written as printed; code compares them after :func:`extract.html.textutil.fold`
(accent-, case- and whitespace-insensitive), so the lists stay readable.
"""

from __future__ import annotations

import re

# Elements whose whole subtree is never visible text.
DROP_TAGS: frozenset[str] = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "head",
        "title",
        "meta",
        "link",
        "input",
        "select",
        "textarea",
        "button",
        "option",
        "map",
        "audio",
        "video",
        "picture",
        "source",
    }
)

# Word's marks of notes kept elsewhere, never text of their own: footnote and endnote
# references ("[1]", or "3" in a superscript), a reviewer's comment anchor ("[A1]"); matched
# on the link's target. Word also writes the comments themselves in a comment list, and
# deleted text of tracked changes in <del datetime=...>: none of it is the document's text.
NOTE_ANCHOR_TARGETS: tuple[str, ...] = ("#_ftn", "#_edn", "#_msocom", "#_msoanchor", "#_cmnt", "#cmnt")
COMMENT_STYLE = re.compile(r"mso-element\s*:\s*comment")

# Elements that start and end a line. Everything else is inline: its text joins its
# neighbours with no separator (Word splits one word into several runs).
BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "nav",
        "aside",
        "address",
        "center",
        "pre",
        "hr",
        "form",
        "fieldset",
        "figure",
        "figcaption",
        "details",
        "summary",
        "body",
        "html",
    }
)

# Inline style declarations (blanks removed, lower case, "!important" dropped) that hide an
# element: Word's hidden text, and the CSS a site uses to hide a notice in the page.
HIDDEN_STYLE_MARKERS: tuple[str, ...] = ("mso-hide:all", "display:none", "visibility:hidden")
# Attributes that hide an element whatever their value (HTML's boolean ``hidden``).
HIDDEN_ATTRIBUTES: tuple[str, ...] = ("hidden",)


#: An element longer than this (folded characters) is clutter only by a site notice
#: (extract/settings.SITE_NOTICES), not by a tab title it contains.
SHORT_ELEMENT_CHARS: int = 300

# Rejects: pages that are not documents. Checked only when no document was found.
BOT_CHALLENGE_PHRASES: tuple[str, ...] = (
    "Just a moment",
    "Checking your browser",
    "Enable JavaScript and cookies to continue",
    "Verify you are human",
    "cf-browser-verification",
    "Attention Required! | Cloudflare",
)
BOT_CHALLENGE_MARKUP: tuple[str, ...] = ("challenge-form", "cf-challenge", "challenge-platform")
#: Matched folded, inside the text ("Văn bản này đang cập nhật Nội dung" contains the first).
CONTENT_PENDING_PHRASES: tuple[str, ...] = (
    "đang cập nhật nội dung",
    "Nội dung văn bản đang được cập nhật",
)
#: A page without a document that says any of these is a login prompt (matched folded, inside
#: the text: "Bạn chưa đăng nhập tài khoản" and "Tên đăng nhập" contain "Đăng nhập").
LOGIN_PHRASES: tuple[str, ...] = (
    "Đăng nhập",
    "Mật khẩu",
)

# Structural limits: beyond these a page is rejected, not walked.
MAX_DEPTH: int = 512
MAX_SPAN: int = 1000  # a rowspan/colspan larger than this is clamped
MAX_GRID_CELLS: int = 2_000_000

# Prefix of the bytes scanned for a <meta> charset declaration.
META_SCAN_BYTES: int = 16_384

#: Words (folded) of an appendix's heading: a hidden table under one is the document's.
APPENDIX_HEADING_WORDS = ("phu luc", "bieu mau", "mau so", "kem theo")
#: Words of a link that opens a collapsed appendix ("Xem phụ lục I", "Xem chi tiết tại Biểu mẫu 02").
APPENDIX_LINK_WORDS = ("phu luc", "bieu mau", "mau so")
