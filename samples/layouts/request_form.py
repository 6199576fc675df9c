"""TỜ KHAI (a citizen's request form), the first page of a dossier. It belongs to no schema: the truth lists
its page but no document for it."""

from __future__ import annotations

import random
from datetime import date

from samples import places
from samples.canvas import Page
from samples.layouts.common import A4, LEFT, LINE, PT, RIGHT, title
from samples.stamp import multiply, signature_layer
from samples.vntext import date_figures, date_long

REQUESTS = {
    "marital_status_confirmation": ("TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN",
                                    "Đề nghị cấp Giấy xác nhận tình trạng hôn nhân"),
    "birth_certificate": ("TỜ KHAI CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH", "Đề nghị cấp bản sao Giấy khai sinh"),
    "marriage_certificate": ("TỜ KHAI CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH",
                             "Đề nghị cấp bản sao Giấy chứng nhận kết hôn"),
    "death_extract": ("TỜ KHAI CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH", "Đề nghị cấp bản sao Trích lục khai tử"),
}


def draw(requester: dict[str, str | None], purpose_schema: str, when: date, dpi: int,
         rng: random.Random) -> Page:
    """The request form filled in for the person of ``requester`` (ID card fields)."""
    page = Page(*A4, dpi)
    page.text(105, 17, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", 12.5, align="center")
    page.text(105, 22.6, "Độc lập - Tự do - Hạnh phúc", "bold", 13.5, align="center")
    page.hline(80, 130, 24.8)
    heading, request = REQUESTS[purpose_schema]
    y = title(page, 40, heading, 15)
    loc = places.locality(rng, when)
    y = page.field(LEFT + 15, y + 4, "Kính gửi", loc.authority(), RIGHT, PT)
    y = page.field(LEFT, y + 3, "Họ, chữ đệm, tên người yêu cầu", requester["full_name"] or "", RIGHT, PT)
    y = page.field(LEFT, y, "Ngày, tháng, năm sinh", date_figures(date.fromisoformat(requester["date_of_birth"])),
                   RIGHT, PT)
    y = page.field(LEFT, y, "Nơi cư trú", requester["residence"] or "", RIGHT, PT)
    y = page.field(LEFT, y, "Giấy tờ tùy thân", f"Căn cước số {requester['personal_id']}", RIGHT, PT)
    y = page.field(LEFT, y, "Nội dung yêu cầu", request, RIGHT, PT)
    y = page.field(LEFT, y, "Số lượng bản sao", f"{rng.randint(1, 3):02d} bản", RIGHT, PT)
    page.text(LEFT + 10, y + 2, "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm",
              "regular", PT)
    page.text(LEFT, y + 2 + LINE, "trước pháp luật về cam đoan của mình.", "regular", PT)
    y += 2 * LINE + 8
    page.text(140, y, f"Làm tại {loc.place}, {date_long(when)}", "italic", PT, align="center")
    page.text(140, y + 6, "Người yêu cầu", "bold", PT, align="center")
    page.text(140, y + 11.5, "(Ký, ghi rõ họ, chữ đệm, tên)", "italic", 11.5, align="center")
    multiply(page, signature_layer(page, rng, 32, 14), 124, y + 15)
    page.text(140, y + 38, (requester["full_name"] or "").title(), "bold", PT, align="center")
    return page
