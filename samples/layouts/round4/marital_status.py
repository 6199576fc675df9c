"""Round-4 marital-status confirmation ``ms-dai-su-quan``: the confirmation a Vietnamese citizen living abroad
gets from a Vietnamese representative mission (an embassy, a consulate general, the office in Taipei), for a
marriage or another procedure at home. The mission's three-line name at the left of the header, "Số" under it;
"<mission> xác nhận:" above the particulars; the personal number and, on a line of its own, the passport; the
residence abroad, the period of residence in that country; the status and purpose on leader lines; the place
and date in the mission's city, the head of mission (or his deputy) signing under the mission's seal.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from samples import people
from samples.canvas import Page
from samples.doc import Doc
from samples.layouts import form_extras
from samples.layouts.common import LEFT, RIGHT, adjusting, place_date, title
from samples.layouts.form_kit import Form, Item, Style, signer_fit
from samples.vntext import date_figures

FAMILIES = {"ms-dai-su-quan": "tuning"}
FAMILY_VARIANTS: dict[str, dict[str, int]] = {"ms-dai-su-quan": {"2015-form": 20, "2020-form": 50,
                                                                 "2025-form": 30}}
VALIDITY = "Giấy này có giá trị sử dụng trong thời hạn 6 tháng, kể từ ngày cấp."
Build = Callable[..., Doc]


@dataclass(frozen=True)
class Mission:
    name: str  # as the text names it
    header: tuple[str, ...]  # the header's lines
    city: str  # of the place-and-date line
    country: str
    head: str  # the head of mission's title
    deputy: tuple[str, str]  # ("KT. ĐẠI SỨ", "THAM TÁN CÔNG SỨ")
    seal: str
    addresses: tuple[str, ...]


NATION = "nước Cộng hòa xã hội chủ nghĩa Việt Nam"
MISSIONS = (
    Mission(f"Đại sứ quán {NATION} tại Nhật Bản", ("ĐẠI SỨ QUÁN", "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                    "TẠI NHẬT BẢN"), "Tokyo", "Nhật Bản", "ĐẠI SỨ",
            ("KT. ĐẠI SỨ", "THAM TÁN CÔNG SỨ"), "ĐẠI SỨ QUÁN VIỆT NAM * TẠI NHẬT BẢN",
            ("2-15-3 Okubo, Shinjuku-ku, Tokyo, Nhật Bản", "1-4-12 Kamata, Ota-ku, Tokyo, Nhật Bản",
             "5-1-7 Minami-Ichikawa, Ichikawa-shi, Chiba, Nhật Bản")),
    Mission(f"Tổng Lãnh sự quán {NATION} tại Osaka", ("TỔNG LÃNH SỰ QUÁN", "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                       "TẠI OSAKA"), "Osaka", "Nhật Bản", "TỔNG LÃNH SỰ",
            ("KT. TỔNG LÃNH SỰ", "PHÓ TỔNG LÃNH SỰ"), "TỔNG LÃNH SỰ QUÁN VIỆT NAM * TẠI OSAKA",
            ("2-3-15 Nishinakajima, Yodogawa-ku, Osaka, Nhật Bản", "1-9-4 Imazato, Ikuno-ku, Osaka, Nhật Bản",
             "4-2-8 Kitanagasa-dori, Chuo-ku, Kobe, Nhật Bản")),
    Mission(f"Đại sứ quán {NATION} tại Hàn Quốc", ("ĐẠI SỨ QUÁN", "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                    "TẠI HÀN QUỐC"), "Seoul", "Hàn Quốc", "ĐẠI SỨ",
            ("KT. ĐẠI SỨ", "THAM TÁN CÔNG SỨ"), "ĐẠI SỨ QUÁN VIỆT NAM * TẠI HÀN QUỐC",
            ("45, Dongil-ro 12-gil, Gwangjin-gu, Seoul, Hàn Quốc",
             "123-4 Wonsi-dong, Danwon-gu, Ansan-si, Gyeonggi-do, Hàn Quốc")),
    Mission("Văn phòng Kinh tế và Văn hóa Việt Nam tại Đài Bắc", ("VĂN PHÒNG KINH TẾ VÀ VĂN HÓA",
                                                                 "VIỆT NAM TẠI ĐÀI BẮC"), "Đài Bắc", "Đài Loan",
            "TRƯỞNG ĐẠI DIỆN", ("KT. TRƯỞNG ĐẠI DIỆN", "PHÓ TRƯỞNG ĐẠI DIỆN"),
            "VĂN PHÒNG KINH TẾ VÀ VĂN HÓA * VIỆT NAM TẠI ĐÀI BẮC",
            ("No. 12, Lane 35, Zhongshan Rd., Taoyuan Dist., Taoyuan City, Đài Loan",
             "No. 8, Alley 3, Lane 112, Sec. 2, Minsheng Rd., Xinzhuang Dist., New Taipei City, Đài Loan")),
    Mission(f"Đại sứ quán {NATION} tại Cộng hòa Liên bang Đức", ("ĐẠI SỨ QUÁN",
                                                                  "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                                  "TẠI CỘNG HÒA LIÊN BANG ĐỨC"), "Berlin",
            "Cộng hòa Liên bang Đức", "ĐẠI SỨ", ("KT. ĐẠI SỨ", "THAM TÁN CÔNG SỨ"),
            "ĐẠI SỨ QUÁN VIỆT NAM * TẠI CHLB ĐỨC",
            ("Marzahner Promenade 12, 12679 Berlin, Cộng hòa Liên bang Đức",
             "Herzbergstraße 128, 10365 Berlin, Cộng hòa Liên bang Đức")),
)


def _show(rng: random.Random) -> dict:
    return {"style": Style(leaders=rng.random() < 0.7, value_font=rng.choice(["serif", "bold"]), pt=12.0,
                           line=6.6),
            "passport": f"{rng.choice('CN')}{rng.randint(10**6, 10**7 - 1)}", "deputy": rng.random() < 0.5}


def _abroad(doc: Doc, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    mission = rng.choice(MISSIONS)
    issued = date.fromisoformat(f["issue_date"])
    home = f["issuing_authority"]
    f["issuing_authority"] = mission.name
    f["residence"] = rng.choice(mission.addresses)
    f["purpose"] = rng.choice(["Đăng ký kết hôn tại Việt Nam", f"Đăng ký kết hôn tại {home}",
                               "Làm thủ tục mua bán nhà ở tại Việt Nam", f["purpose"]])
    arrived = issued - timedelta(days=rng.randint(400, 4000))
    passport_date = arrived - timedelta(days=rng.randint(30, 900))
    s |= {"mission": mission, "since": arrived, "passport_date": passport_date,
          "heading": list(mission.deputy) if s["deputy"] else [mission.head]}


def with_missions(build: Build) -> Build:
    """``build`` of samples/layouts/marital_status.py; an ``ms-dai-su-quan`` paper is issued by a mission
    abroad to a citizen residing in its country."""
    return adjusting(build, FAMILIES, _abroad)


def _draw(doc: Doc, page: Page, rng: random.Random) -> None:
    f, s = doc.fields, doc.show
    mission: Mission = s["mission"]
    form = Form(page, s["style"])
    y = form_extras.header(page, 58, 152, 17, list(mission.header), 10.0)
    page.text(58, y + 2, f"Số: {f['number']}", "regular", 11.5, align="center")
    y = title(page, y + 15, "GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN", 15.5)
    y = form.text_line(LEFT, y + 1, f"{mission.name} xác nhận:", "regular", RIGHT, first_indent=10)
    issued = date.fromisoformat(f["issue_date"])
    passport = f"Hộ chiếu số {s['passport']}, cấp ngày {date_figures(s['passport_date'])}"
    y = form.rows(LEFT, RIGHT, y, [
        [Item("Họ, chữ đệm, tên", f["full_name"], "name")],
        [Item("Ngày, tháng, năm sinh", date_figures(date.fromisoformat(f["date_of_birth"])))],
        [Item("Giới tính", people.sex_label(f["sex"])), Item("Dân tộc", f["ethnicity"]),
         Item("Quốc tịch", f["nationality"])],
        [Item("Số định danh cá nhân", f["personal_id"])],
        [Item("Giấy tờ tùy thân", passport)],
        [Item("Nơi cư trú", f["residence"], "long")],
    ])
    y = form.text_line(LEFT, y, f"Trong thời gian cư trú tại {mission.country} từ ngày {date_figures(s['since'])} "
                                f"đến ngày {date_figures(issued)}", "regular", RIGHT)
    y = form.rows(LEFT, RIGHT, y, [[Item("Tình trạng hôn nhân", f["marital_status"], "long")],
                                   [Item("Giấy này được cấp để", f["purpose"], "long")]])
    y = form.text_line(LEFT, y, VALIDITY, "italic", RIGHT, first_indent=10)
    y = place_date(page, 140, y + 3, mission.city, issued)
    signer_fit(page, 140, y, s["heading"], "(Ký, ghi rõ họ, chữ đệm, tên, đóng dấu)", s["signer"], mission.seal, rng)


DRAWERS: dict[str, Callable[[Doc, Page, random.Random], None]] = {"ms-dai-su-quan": _draw}
FAMILY_SHOW: dict[str, Callable[[random.Random], dict]] = {"ms-dai-su-quan": _show}
