"""The whole-column and whole-sheet corrections of the rescue form (importers.corrections as form fields): each
kind of correction has a few numbered slots, a blank slot is no correction, a half-filled one is a problem."""
from flask_babel import gettext as _

from importers.corrections import SHEET_SOURCES, SPLIT_WAYS, STRIP_PARTS

SLOTS = {"map": 3, "replace": 3, "date": 2, "strip": 2, "split": 2, "sheet": 2}
NO_COLUMN = "-"


def _get(form, name: str) -> str:
    return (form.get(name) or "").strip()


def _slots(form, prefix: str, parts: tuple[str, ...]):
    """(slot number from 1, {part: value}) for each slot with something in it."""
    for slot in range(SLOTS[prefix]):
        values = {part: _get(form, f"{prefix}{slot}_{part}") for part in parts}
        if any(values.values()):
            yield slot + 1, values


def corrections_from_form(form, letters: list[str], fields: list[str], problems: list) -> dict:
    """The corrections posted by the rescue form, checked against the table's columns and the kind's fields."""
    found = {}

    def column(value: str, what: str, n: int) -> bool:
        if value in letters:
            return True
        problems.append(_("%(what)s ở dòng %(n)s: chọn một cột có trong bảng.", what=what, n=n))
        return False

    def field(value: str, what: str, n: int) -> bool:
        if value in fields:
            return True
        problems.append(_("%(what)s ở dòng %(n)s: chọn một trường.", what=what, n=n))
        return False

    columns = {}
    for n, slot in _slots(form, "map", ("column", "field")):
        what = _("Gán cột")
        if slot["field"] in columns:
            problems.append(_("Gán cột ở dòng %(n)s: trường này đã được gán ở dòng trên.", n=n))
        elif field(slot["field"], what, n) and (slot["column"] == NO_COLUMN or column(slot["column"], what, n)):
            columns[slot["field"]] = None if slot["column"] == NO_COLUMN else slot["column"]
    replace = []
    for n, slot in _slots(form, "replace", ("column", "find", "with", "when_column", "when")):
        what = _("Thay thế")
        if not column(slot["column"], what, n):
            continue
        if not slot["find"]:
            problems.append(_("Thay thế ở dòng %(n)s: cần giá trị cần tìm.", n=n))
            continue
        entry = {"column": slot["column"], "find": slot["find"], "with": slot["with"]}
        if slot["when_column"] or slot["when"]:
            if slot["when"] not in ("filled", "empty") or not column(slot["when_column"], what, n):
                problems.append(_("Thay thế ở dòng %(n)s: điều kiện cần một cột và «có dữ liệu» hoặc «trống».", n=n))
                continue
            entry["when"] = {"column": slot["when_column"], "filled": slot["when"] == "filled"}
        replace.append(entry)
    dates = [slot["column"] for n, slot in _slots(form, "date", ("column",))
             if column(slot["column"], _("Chỉ giữ phần ngày"), n)]
    strips = []
    for n, slot in _slots(form, "strip", ("column", "part", "text", "into")):
        what = _("Bỏ phần đầu/cuối")
        if not column(slot["column"], what, n) or (slot["into"] and not field(slot["into"], what, n)):
            continue
        if slot["part"] not in STRIP_PARTS or (slot["part"] != "brackets" and not slot["text"]):
            problems.append(_("Bỏ phần đầu/cuối ở dòng %(n)s: chọn phần cần bỏ và nhập chữ cần bỏ "
                              "(trừ phần trong ngoặc).", n=n))
            continue
        strips.append({"column": slot["column"], "part": slot["part"], "text": slot["text"],
                       "into": slot["into"] or None})
    splits = []
    for n, slot in _slots(form, "split", ("column", "how", "first", "second")):
        what = _("Tách ô")
        if not column(slot["column"], what, n) or not field(slot["first"], what, n) \
                or not field(slot["second"], what, n):
            continue
        if slot["how"] not in SPLIT_WAYS or slot["first"] == slot["second"]:
            problems.append(_("Tách ô ở dòng %(n)s: chọn cách tách và hai trường khác nhau.", n=n))
            continue
        splits.append({"column": slot["column"], "how": slot["how"], "into": [slot["first"], slot["second"]]})
    sheet_values = []
    for n, slot in _slots(form, "sheet", ("field", "from", "row", "value")):
        what = _("Giá trị cho cả trang")
        if not field(slot["field"], what, n):
            continue
        source = slot["from"] or ("typed" if slot["value"] else "row" if slot["row"] else "")
        entry = {"field": slot["field"], "from": source}
        if source == "row" and slot["row"].isdigit() and len(slot["row"]) <= 6:
            entry["row"] = int(slot["row"])
        elif source == "typed" and slot["value"]:
            entry["value"] = slot["value"]
        elif source != "tab" or source not in SHEET_SOURCES:
            problems.append(_("Giá trị cho cả trang ở dòng %(n)s: chọn lấy từ tên trang, từ một dòng (nhập số dòng) "
                              "hoặc nhập giá trị.", n=n))
            continue
        sheet_values.append(entry)
    for key, value in (("columns", columns), ("replace", replace), ("dates", dates), ("strips", strips),
                       ("splits", splits), ("sheet_values", sheet_values)):
        if value:
            found[key] = value
    if form.get("transpose"):
        found["transpose"] = True
    return found
