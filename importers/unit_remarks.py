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

The same remark written after the name on a line of its own or after a separator ("Chi bộ Khoa Lịch sử | Sinh hoạt
định kỳ ngày thứ Tư tuần đầu của tháng", "Chi bộ Thôn 1\nSH ngày 5 hằng tháng", "Chi bộ Thôn 1 - Bí thư: đ/c Lan") is
left out alike (``split_remark_tail``): there the words after the separator must open as a remark does (a schedule,
a count, the secretary…), and a place after it stays ("Chi bộ Khoa Lịch sử - Địa lý", "… | Phường Phú Xuân").

Every unit text passes here: cells through ``assigned_units.unit_text``, lines, block titles and tab names through
``normalising.normalise_unit_name``; the remarks dropped from a sheet's texts are said once per sheet
(``dropped_remarks``)."""

import re
from typing import Iterable

from .plain_letters import plain_lower

fold_text = plain_lower  # remarks are typed with or without tone marks; their punctuation counts ("BT: …")

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


# A separator a remark follows a unit's name after: a line break, a bar, a dash between spaces, a semicolon
_SEPARATOR = re.compile(r"[^\S\r\n]*(?:[\r\n]+|\s\|\s*|\|\s|\s[-–—]\s|;)\s*")
_LETTER = re.compile(r"[^\W\d_]")
# A period after a separator ("… - NĂM 2025", "… - Quý II", "… - từ tháng 7/2025"): the register's period, cut by the
# title readers (``sheet_context``), no remark about the unit
_PERIOD = re.compile(r"(?:(?:nam|thang|quy|ky|dot|giai doan|nhiem ky)\s*(?:\d|[ivx]+\b)|tu (?:ngay|thang|nam|quy)\b"
                     r"|\d{1,2}\s*thang\b|\d{4}\b)")


def split_remark_tail(text: str) -> tuple[str, str | None]:
    """(the name, the remark after it on a line of its own or after a separator, or None): "Chi bộ Khoa Lịch sử |
    Sinh hoạt định kỳ ngày thứ Tư …" -> ("Chi bộ Khoa Lịch sử", "Sinh hoạt định kỳ ngày thứ Tư …"). The words after
    the separator must open as a remark (``_REMARK_START``) and not as a place; a name before it must hold letters."""
    if not isinstance(text, str):
        return text, None
    for match in _SEPARATOR.finditer(text):
        name, rest = text[:match.start()], text[match.end():].strip()
        folded = " ".join(fold_text(rest).replace(":", " ").split())
        if _LETTER.search(name) and rest and _REMARK_START.match(folded) and not _PLACE_START.match(folded) \
                and not _PERIOD.match(folded):
            return name.rstrip(" -–—,;:|"), rest.strip(" .;,")
    return text, None


def without_remark_tail(text):
    """A unit's text without a remark after its name on a line of its own or after a separator (``split_remark_tail``);
    any other value as it is."""
    return split_remark_tail(text)[0] if isinstance(text, str) and _SEPARATOR.search(text) else text


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
        if not isinstance(text, str):
            continue
        text, tail = split_remark_tail(text) if _SEPARATOR.search(text) else (text, None)
        name, remarks, _ = split_remarks(" ".join(text.split())) if text.rstrip()[-1:] in (")", "]") \
            else (text, [], None)
        remarks += [" ".join(tail.split())] if tail else []
        name = " ".join(name.split())
        folded = " ".join(fold_text(name).split())
        named = folded.rsplit(":", 1)[-1].strip()  # "Chi bộ: Khoa Lịch sử" names "Chi bộ Khoa Lịch sử"
        if remarks and len(named) > 2 and any(_names(folded, unit) or _names(named, unit) for unit in names):
            found.update(dict.fromkeys(remarks))
    return list(found)


SHOWN = 3
REMARKS = "Ghi chú sau tên chi bộ"
DROPPED = ("bỏ ghi chú {where}sau tên chi bộ: {remarks} — ghi chú (lịch họp, số đảng viên, bí thư, người phụ "
           "trách…) không phải tên chi bộ")


def remark_inferences(rows: list[list], tab: str, units: Iterable) -> list[dict]:
    """The inference saying, once for the sheet, which remarks were left out of the units its records took (a
    sheet's cells and its tab name are where unit texts come from); [] when none was."""
    texts = dict.fromkeys(cell for row in rows for cell in row if isinstance(cell, str)
                          and (cell[-1:] in ")] \n\u00a0" and cell.rstrip()[-1:] in (")", "]")
                               or ("\n" in cell or "|" in cell or ";" in cell or " - " in cell)
                               and _SEPARATOR.search(cell)))
    return _said(dropped_remarks([tab, *texts], {unit for unit in units if isinstance(unit, str)}))


def _said(remarks: list[str]) -> list[dict]:
    if not remarks:
        return []
    shown = ", ".join(f"«{remark}»" for remark in remarks[:SHOWN]) + (", …" if len(remarks) > SHOWN else "")
    where = "trong ngoặc " if all(remark[:1] in "([" for remark in remarks) else ""  # or on a line after the name
    return [{"what": REMARKS, "value": shown, "source": DROPPED.format(where=where, remarks=shown)}]


def joined_remark_inferences(inferences: list[list[dict]]) -> list[dict]:
    """The one inference of several sheets' (each its own, ``remark_inferences``) saying every remark left out."""
    remarks = [remark for said in inferences for item in said if item["what"] == REMARKS
               for remark in re.findall(r"«([^»]*)»", item["value"])]
    return _said(list(dict.fromkeys(remarks)))
