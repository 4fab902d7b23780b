"""A remark in brackets after a unit's name, which is no part of the name: offices add the meeting schedule ("Chi bộ
Thôn 1 (sinh hoạt ngày 05 hằng tháng)", "(SH ngày 5 hàng tháng)", "(lịch họp: thứ Bảy tuần đầu)"), a count ("(12
đảng viên)", "(15 ĐV)", "(có 3 đảng viên dự bị)"), the secretary ("(Bí thư: Nguyễn Văn A)", "(BT: đ/c Hòa)"), the
person in charge ("(đ/c Lan phụ trách)"), a founding or merger date ("(thành lập 01/7/2025)"), a period or the
paperwork's date. The unit is the name without it.

A bracket naming a place is part of the name and stays: after the 2025 mergers such a qualifier tells apart units of
the same name ("Chi bộ Thôn 2 (xã Yên Mô cũ)", "Chi bộ Tổ dân phố 1 (phường Nam Hồng)", "Chi bộ Khu 3 (cũ)", "Chi
bộ Thôn Đông (giáo họ Phú Nhai)", "(Đảng bộ phường Nam Hồng)"), and so does an abbreviation ("Chi bộ TTYT
(PTDTBT)"). A bracket read as neither, or as both ("(xã A cũ, họp ngày 5)"), is kept, and the plausibility checks
warn about it (``doubtful_bracket``): never silently kept or dropped.

Every unit text passes here: cells through ``assigned_units.unit_text``, lines, block titles and tab names through
``normalising.normalise_unit_name``; the remarks dropped from a sheet's texts are said once per sheet
(``dropped_remarks``)."""

import re
import unicodedata
from functools import lru_cache
from typing import Iterable


@lru_cache(maxsize=1 << 12)
def fold_text(text: str) -> str:
    """Lower case without tone marks, punctuation kept ("Đ/c Lan" -> "d/c lan"): remarks are typed either way."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in text if not unicodedata.combining(char)).casefold()

# The closing bracket of a text, with the name before it
_LAST_BRACKET = re.compile(r"^(?P<name>.*?\S)\s*[(\[](?P<inside>[^()\[\]]*)[)\]]\s*[.;,]?\s*$", re.DOTALL)
_NUMBER = r"\d{1,3}"
_DATE = r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?"
_WEEKDAY = r"thu (?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat"
# Words a remark opens with (read folded: typed with or without tone marks)
_REMARK_START = re.compile(
    r"(?:sinh hoat|sh|hop (?:ngay|vao|luc|thu|dinh ky|hang|moi|\d+)|lich (?:hop|sinh hoat|sh)|dinh ky|moi thang"
    r"|hang thang|hang tuan|" + _WEEKDAY + r"|ngay\s*\d+|" + _DATE + r"$|(?:co|gom)\s+" + _NUMBER + r"|tong so"
    r"|" + _NUMBER + r"\s*(?:dang vien|dv|d/c|dc|dong chi|nguoi)"
    r"|bi thu|pho bi thu|bt|pbt|chi uy|cap uy|phu trach|theo doi|d/c|dc|dong chi"
    r"|thanh lap|sap nhap|hop nhat|chia tach|giai the|tu ngay|ke tu|tu thang|tu nam"
    r"|so gui|gui|nop|cap nhat|bao cao|quy(?= )|nam\s*\d+|thang\s*\d+)(?![\w])")
# Words that make a remark wherever they stand in the bracket
_REMARK_ANYWHERE = re.compile(
    r"(?<!\w)(?:phu trach|bi thu|hang thang|hang tuan|moi thang|sinh hoat|hop (?:ngay|vao|luc|thu)"
    r"|" + _NUMBER + r"\s*(?:dang vien|dv)|thanh lap|lich hop)(?!\w)")
# Words a place's name opens with, and the qualifiers of a unit that is no longer or newly so
_PLACE_START = re.compile(
    r"(?:xa|phuong|thi tran|thi xa|huyen|quan|tinh|thanh pho|tp\.?|tx\.?|tt\.?|thon|xom|ap|ban|buon|lang|soc"
    r"|khu pho|khu(?! vuc)|kp|to dan pho|tdp|to|khoi|khom|giao ho|giao xu|ho dao|xu|cum|dang bo|dang uy|db"
    r"|(?:truc )?thuoc)\s+\S")
_QUALIFIER = re.compile(r"(?:cu|moi|truoc sap nhap|sau sap nhap)")
_ABBREVIATION = re.compile(r"[A-ZĐ][A-ZĐ0-9]{1,9}")

REMARK, NAME, DOUBT = "remark", "name", "doubt"


def bracket_kind(inside: str) -> str:
    """What the words in a unit's closing bracket are: REMARK (dropped), NAME (part of the name), DOUBT (neither
    or both: kept, with a warning)."""
    inside = inside.strip()
    if _ABBREVIATION.fullmatch(inside):
        return NAME
    folded = " ".join(fold_text(inside).replace(":", " ").split())
    remark = bool(_REMARK_START.match(folded) or _REMARK_ANYWHERE.search(folded))
    place = bool(_PLACE_START.match(folded) or _QUALIFIER.fullmatch(folded))
    if remark != place:
        return REMARK if remark else NAME
    return DOUBT


def split_remarks(text: str) -> tuple[str, list[str], str | None]:
    """(the name, the remarks dropped from its end in the order written, the bracket kept in doubt or None)."""
    remarks: list[str] = []
    while (match := _LAST_BRACKET.match(text)) is not None:
        kind = bracket_kind(match.group("inside"))
        if kind != REMARK or not re.search(r"[^\W\d_]", match.group("name")):
            return text, remarks[::-1], match.group("inside").strip() if kind == DOUBT else None
        remarks.append(text[len(match.group("name")):].strip(" .;,"))
        text = match.group("name").rstrip(" -–—,;:")
    return text, remarks[::-1], None


def without_remark(text):
    """A unit's text without the remarks in brackets after its name ("Chi bộ Thôn 2 (họp ngày 10/11/2025)" ->
    "Chi bộ Thôn 2"); a place in brackets stays ("Chi bộ Thôn 2 (xã Yên Mô cũ)"); any other value as it is."""
    return split_remarks(text)[0] if isinstance(text, str) and text.rstrip()[-1:] in (")", "]") else text


def doubtful_bracket(text) -> str | None:
    """The words of a unit's closing bracket when they read neither as a remark nor as part of the name."""
    return split_remarks(text)[2] if isinstance(text, str) and text.rstrip()[-1:] in (")", "]") else None


def _names(one: str, other: str) -> bool:
    """True when one folded text ends with the other as whole words ("don vi: chi bo thon 2", "chi bo thon 2")."""
    return f" {one}".endswith(f" {other}") or f" {other}".endswith(f" {one}")


def dropped_remarks(texts: Iterable, units: Iterable) -> list[str]:
    """The remarks dropped from those of the texts (a sheet's cells, its tab name) whose name part names one of the
    units the records took, each once, in the order first met."""
    names = {" ".join(fold_text(unit).split()) for unit in units if isinstance(unit, str) and unit.strip()}
    found: dict[str, None] = {}
    if not names:
        return []
    for text in texts:
        if not isinstance(text, str) or text.rstrip()[-1:] not in (")", "]"):
            continue
        name, remarks, _ = split_remarks(" ".join(text.split()))
        folded = " ".join(fold_text(name).split())
        if remarks and len(folded) > 2 and any(_names(folded, unit) for unit in names):
            found.update(dict.fromkeys(remarks))
    return list(found)


SHOWN = 3
REMARKS = "Ghi chú sau tên chi bộ"
DROPPED = ("bỏ ghi chú trong ngoặc sau tên chi bộ: {remarks} — ghi chú (lịch họp, số đảng viên, bí thư, người phụ "
           "trách…) không phải tên chi bộ")


def remark_inferences(rows: list[list], tab: str, units: Iterable) -> list[dict]:
    """The inference saying, once for the sheet, which remarks were left out of the units its records took (a
    sheet's cells and its tab name are where unit texts come from); [] when none was."""
    texts = dict.fromkeys(cell for row in rows for cell in row if isinstance(cell, str)
                          and cell[-1:] in ")] \n\u00a0" and cell.rstrip()[-1:] in (")", "]"))
    return _said(dropped_remarks([tab, *texts], {unit for unit in units if isinstance(unit, str)}))


def _said(remarks: list[str]) -> list[dict]:
    if not remarks:
        return []
    shown = ", ".join(f"«{remark}»" for remark in remarks[:SHOWN]) + (", …" if len(remarks) > SHOWN else "")
    return [{"what": REMARKS, "value": shown, "source": DROPPED.format(remarks=shown)}]


def joined_remark_inferences(inferences: list[list[dict]]) -> list[dict]:
    """The one inference of several sheets' (each its own, ``remark_inferences``) saying every remark left out."""
    remarks = [remark for said in inferences for item in said if item["what"] == REMARKS
               for remark in re.findall(r"«([^»]*)»", item["value"])]
    return _said(list(dict.fromkeys(remarks)))
