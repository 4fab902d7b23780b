"""Validation of the officer's whole-column and whole-sheet corrections (the keys of ``importers.overrides`` beyond
sheets, header rows, joins, context, legend and year); each bad value is refused with a Vietnamese message naming
the correction and its place in the list.

- "columns": {field: letter | None} — the field is read from that column (None: from no column);
- "replace": [{"column", "find", "with", "when"?: {"column", "filled": bool}}] — a whole cell equal to `find`
  (case and spacing aside) becomes `with` ("" blanks it), optionally only where another column is filled / empty;
- "dates": [letters] — only the date is kept from each text cell ("Thứ Hai, 06/01/2025" -> "06/01/2025");
- "strips": [{"column", "part": "prefix"|"suffix"|"brackets", "text", "into"?: field}] — a leading or trailing
  text ("Đ/c ") or a trailing parenthesis ("(Trưởng đoàn)") is cut off, and goes to the field `into` if given;
- "splits": [{"column", "how": "lines"|"role_group", "into": [field, field]}] — the first line and the rest, or
  the role words and the group ("Trưởng Đoàn công tác số 2" -> "Trưởng" + "Đoàn công tác số 2");
- "sheet_values": [{"field", "from": "tab"|"row"|"typed", "row"?: int, "value"?: text}] — one value for every
  record of a sheet: its tab name, the text of a line (a leading "Đơn vị:" label dropped) or typed;
- "transpose": bool — persons run across the top: the sheet is read with rows and columns swapped.
"""

import re

from .errors import ImportFileError

SPLIT_WAYS = ("lines", "role_group")
STRIP_PARTS = ("prefix", "suffix", "brackets")
SHEET_SOURCES = ("tab", "row", "typed")
MAX_ITEMS = 20
MAX_TEXT = 200
_LETTER = re.compile(r"[A-Z]{1,3}")
_FIELD = re.compile(r"[a-z_]{1,40}")


def _fail(message: str):
    raise ImportFileError(message)


def letter(value, what: str) -> str:
    """A column letter ('c' -> 'C'), or ImportFileError naming the correction."""
    text = value.strip().upper() if isinstance(value, str) else ""
    if not _LETTER.fullmatch(text):
        _fail(f"{what}: cột \"{value}\" không hợp lệ.")
    return text


def field_name(value, what: str) -> str:
    if not isinstance(value, str) or not _FIELD.fullmatch(value):
        _fail(f"{what}: trường \"{value}\" không hợp lệ.")
    return value


def _text(value, what: str, blank_ok: bool = False) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT or not (blank_ok or value.strip()):
        _fail(f"{what}: cần một giá trị (tối đa {MAX_TEXT} ký tự).")
    return value


def _items(data: dict, key: str, what: str) -> list:
    items = data.get(key) or []
    if not isinstance(items, list) or len(items) > MAX_ITEMS:
        _fail(f"{what}: danh sách không hợp lệ (tối đa {MAX_ITEMS} mục).")
    return items


def _entry(item, what: str) -> dict:
    if not isinstance(item, dict):
        _fail(f"{what}: không hợp lệ.")
    return item


def read_columns(data: dict) -> dict[str, str | None]:
    columns = data.get("columns") or {}
    if not isinstance(columns, dict):
        _fail("Gán cột: không hợp lệ.")
    return {field_name(field, "Gán cột"): (letter(target, "Gán cột") if target else None)
            for field, target in columns.items()}


def read_replace(data: dict) -> list[dict]:
    found = []
    for number, item in enumerate(_items(data, "replace", "Thay thế"), 1):
        what = f"Thay thế thứ {number}"
        item = _entry(item, what)
        entry = {"column": letter(item.get("column"), what), "find": _text(item.get("find"), what).strip(),
                 "with": _text(item.get("with", ""), what, blank_ok=True).strip()}
        when = item.get("when")
        if when:
            when = _entry(when, what)
            if not isinstance(when.get("filled"), bool):
                _fail(f"{what}: điều kiện phải là cột có dữ liệu hoặc cột trống.")
            entry["when"] = {"column": letter(when.get("column"), what), "filled": when["filled"]}
        found.append(entry)
    return found


def read_dates(data: dict) -> list[str]:
    return list(dict.fromkeys(letter(item, "Chỉ giữ phần ngày") for item in _items(data, "dates", "Chỉ giữ phần ngày")))


def read_strips(data: dict) -> list[dict]:
    found = []
    for number, item in enumerate(_items(data, "strips", "Bỏ phần đầu/cuối"), 1):
        what = f"Bỏ phần đầu/cuối thứ {number}"
        item = _entry(item, what)
        part = item.get("part")
        if part not in STRIP_PARTS:
            _fail(f"{what}: chọn phần đầu, phần cuối hoặc phần trong ngoặc ở cuối.")
        text = "" if part == "brackets" else _text(item.get("text"), what).strip()
        into = item.get("into") or None
        found.append({"column": letter(item.get("column"), what), "part": part, "text": text,
                      "into": field_name(into, what) if into else None})
    return found


def read_splits(data: dict) -> list[dict]:
    found = []
    for number, item in enumerate(_items(data, "splits", "Tách ô"), 1):
        what = f"Tách ô thứ {number}"
        item = _entry(item, what)
        if item.get("how") not in SPLIT_WAYS:
            _fail(f"{what}: chọn cách tách (hai dòng, hoặc nhiệm vụ và đoàn).")
        into = item.get("into")
        if not isinstance(into, list) or len(into) != 2 or into[0] == into[1]:
            _fail(f"{what}: chọn hai trường khác nhau cho hai phần.")
        found.append({"column": letter(item.get("column"), what), "how": item["how"],
                      "into": [field_name(name, what) for name in into]})
    return found


def read_sheet_values(data: dict) -> list[dict]:
    found, fields = [], set()
    for number, item in enumerate(_items(data, "sheet_values", "Giá trị cho cả trang"), 1):
        what = f"Giá trị cho cả trang thứ {number}"
        item = _entry(item, what)
        field = field_name(item.get("field"), what)
        if field in fields:
            _fail(f"{what}: trường \"{field}\" đã có giá trị cho cả trang.")
        fields.add(field)
        source = item.get("from")
        entry = {"field": field, "from": source}
        if source == "row":
            row = item.get("row")
            if not isinstance(row, int) or isinstance(row, bool) or row < 1:
                _fail(f"{what}: cần số dòng (từ 1).")
            entry["row"] = row
        elif source == "typed":
            entry["value"] = _text(item.get("value"), what).strip()
        elif source != "tab":
            _fail(f"{what}: chọn lấy từ tên trang, từ một dòng, hoặc nhập giá trị.")
        found.append(entry)
    return found


def read_transpose(data: dict) -> bool:
    value = data.get("transpose", False)
    if not isinstance(value, bool):
        _fail("Xoay bảng: chỉ có thể bật hoặc tắt.")
    return value


STRIP_WORDS = {"prefix": "phần đầu", "suffix": "phần cuối", "brackets": "phần trong ngoặc ở cuối"}
SPLIT_WORDS = {"lines": "dòng đầu và các dòng sau", "role_group": "nhiệm vụ và đoàn"}
SOURCE_WORDS = {"tab": "lấy từ tên trang", "typed": "do cán bộ nhập"}


def _said(what: str, value: str, source: str = "do cán bộ sửa") -> dict:
    return {"what": what, "value": value, "source": source}


def describe(fixes, labels: dict[str, str], values: dict[str, str]) -> list[dict]:
    """What the corrections do, as inferences {what, value, source} in Vietnamese (`values`: field -> the value
    this sheet gives it)."""
    name = labels.get
    said = [_said("Gán cột", f"{target or 'không cột nào'} → {name(field, field)}", "do cán bộ chọn")
            for field, target in fixes.columns.items()]
    for item in fixes.replace:
        when = item.get("when")
        condition = f" khi cột {when['column']} {'có dữ liệu' if when['filled'] else 'trống'}" if when else ""
        said.append(_said("Thay thế", f"cột {item['column']}: «{item['find']}» → «{item['with']}»{condition}"))
    said += [_said("Chỉ giữ phần ngày", f"cột {letter}") for letter in fixes.dates]
    for item in fixes.strips:
        cut = f"«{item['text']}»" if item["text"] else STRIP_WORDS[item["part"]]
        into = f" → {name(item['into'], item['into'])}" if item["into"] else " (bỏ đi)"
        said.append(_said("Bỏ phần đầu/cuối", f"cột {item['column']}: {cut}{into}"))
    for item in fixes.splits:
        parts = " + ".join(name(field, field) for field in item["into"])
        said.append(_said("Tách ô", f"cột {item['column']} ({SPLIT_WORDS[item['how']]}) → {parts}"))
    for item in fixes.sheet_values:
        source = f"lấy từ dòng {item['row']}" if item["from"] == "row" else SOURCE_WORDS[item["from"]]
        label = name(item["field"], item["field"])
        said.append(_said(f"{label[:1].upper()}{label[1:]} cho cả trang", values.get(item["field"], ""), source))
    if fixes.transpose:
        said.append(_said("Xoay bảng", "người theo cột", "do cán bộ chọn"))
    return said
