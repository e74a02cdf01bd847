"""A numbered table inside the body (before the signature) is read as rows and stays in the body text."""

from __future__ import annotations

from tests.conftest import run_text

PAGE = (
    "<html><head><meta charset='utf-8'></head><body><div class=content1>"
    "<table border=0><tr><td><p>ỦY BAN NHÂN DÂN</p><p>TỈNH BẮC NINH</p></td>"
    "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>"
    "<tr><td><p>Số: 08/CT-UBND</p></td><td><p>Bắc Ninh, ngày 03 tháng 8 năm 2020</p></td></tr></table>"
    "<p>CHỈ THỊ</p><p>Về tăng cường phòng, chống dịch COVID-19</p>"
    "<p>1. Các sở, ngành tăng cường kiểm tra.</p><p>2. Thành lập các chốt kiểm soát sau:</p>"
    "<table border=1><tr><td>STT</td><td>Địa điểm chốt kiểm soát</td><td>Đơn vị chủ trì</td></tr>"
    "<tr><td>1</td><td>Cửa ngõ Quốc lộ 1A giáp Hà Nội</td><td>Công an tỉnh</td></tr>"
    "<tr><td>2</td><td>Nút giao Quốc lộ 18 - Quế Võ</td><td>Bộ Chỉ huy Quân sự tỉnh</td></tr></table>"
    "<p>3. Công an tỉnh xử lý nghiêm các hành vi đưa tin sai sự thật.</p>"
    "<table border=0><tr><td><p>Nơi nhận:</p><p>- Như trên;</p><p>- Lưu: VT.</p></td>"
    "<td><p>CHỦ TỊCH</p><p>Nguyễn Tử Quỳnh</p></td></tr></table>"
    "</div></body></html>"
)


def test_a_table_inside_the_body_is_read_and_kept_in_the_body_text() -> None:
    result = run_text(PAGE, "page.html")
    rows = result.tables["appendix_rows"]
    assert [(r["row_id"], r["name"], r["lead_units"]) for r in rows] == [
        ("1", "Cửa ngõ Quốc lộ 1A giáp Hà Nội", ["Công an tỉnh"]),
        ("2", "Nút giao Quốc lộ 18 - Quế Võ", ["Bộ Chỉ huy Quân sự tỉnh"]),
    ]
    body = result.tables["documents"][0]["body_text"].split("\n")
    start = body.index("2. Thành lập các chốt kiểm soát sau:")
    assert body[start + 1 : start + 5] == [
        "STT | Địa điểm chốt kiểm soát | Đơn vị chủ trì",
        "1 | Cửa ngõ Quốc lộ 1A giáp Hà Nội | Công an tỉnh",
        "2 | Nút giao Quốc lộ 18 - Quế Võ | Bộ Chỉ huy Quân sự tỉnh",
        "3. Công an tỉnh xử lý nghiêm các hành vi đưa tin sai sự thật.",
    ]
