"""Pages that are not documents raise PageError with a stable reason; nothing crashes."""

from __future__ import annotations

import pytest
from html_fixture_tools import fixture

from extract.html import read_html
from extract.page import PageError


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("reject_bot_challenge.html", "bot_challenge"),
        ("reject_login_stub.html", "login_stub"),
        ("reject_content_pending.html", "content_pending"),
        ("reject_empty_shell.html", "empty_shell"),
    ],
)
def test_reject_fixtures(name: str, reason: str) -> None:
    with pytest.raises(PageError) as err:
        read_html(fixture(name))
    assert err.value.reason == reason


def test_hundred_thousand_levels_deep_is_too_deep() -> None:
    deep = b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body></html>"
    with pytest.raises(PageError) as err:
        read_html(deep)
    assert err.value.reason == "too_deep"


def test_deep_inline_nesting_is_too_deep() -> None:
    deep = b"<p>" + b"<span>" * 100_000 + b"x"
    with pytest.raises(PageError) as err:
        read_html(deep)
    assert err.value.reason == "too_deep"


def test_no_document_is_not_a_document() -> None:
    with pytest.raises(PageError) as err:
        read_html("<html><body><p>Tin tức hôm nay</p></body></html>".encode())
    assert err.value.reason == "not_a_document"


def test_empty_markup() -> None:
    with pytest.raises(PageError) as err:
        read_html(b"<html><body>  </body></html>")
    assert err.value.reason == "empty"


def test_undecodable() -> None:
    with pytest.raises(PageError) as err:
        read_html(bytes(range(256)) * 20)
    assert err.value.reason == "undecodable"


def test_motto_in_a_script_is_not_a_document() -> None:
    page = (
        "<html><head><title>Just a moment...</title></head><body><script>var m = "
        '"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";</script></body></html>'
    )
    with pytest.raises(PageError) as err:
        read_html(page.encode())
    assert err.value.reason == "bot_challenge"


def test_a_page_cut_before_its_document_is_truncated_not_a_login_prompt() -> None:
    menu = (
        "<html><head><title>LawNet</title></head><body><div class=menu><a href=/login>Đăng nhập</a>"
        + "<a href=/tin-tuc>Tin tức pháp luật</a>" * 40
        + "</div>"
    )
    with pytest.raises(PageError) as err:
        read_html((menu + "<div class=content><p>Quyết định").encode())
    assert (err.value.reason, err.value.message) == (
        "truncated_page",
        "the page ends before its closing </html> tag and before any document: it was saved incompletely; "
        "save it again",
    )  # every LawNet menu says "Đăng nhập": it had been a login_stub
    whole = menu + "</body></html>" + "<script>" + "var x = 1;" * 600 + "</script>"  # 6 KB after the end
    with pytest.raises(PageError) as err:
        read_html(whole.encode())
    assert err.value.reason == "login_stub"  # complete: not "save it again"


def test_a_short_page_without_its_end_is_whole() -> None:
    with pytest.raises(PageError) as err:
        read_html("<!doctype html><title>Trang chủ</title><p>Danh sách văn bản mới".encode())
    assert err.value.reason == "not_a_document"  # HTML5 may leave </body></html> out: no "save it again"
