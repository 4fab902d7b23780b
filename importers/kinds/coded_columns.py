"""Role, group and unit columns of codes an HR export (QLCB, "phần mềm quản lý đảng viên") explains on lookup sheets
of the same workbook: "Mã vai trò (xem DM_VAITRO)" holding "01" | "02" | "03" with "DM_VAITRO" listing 01 Trưởng
đoàn, 02 Phó Trưởng đoàn, 03 Thành viên; "GROUP_CODE" holding "DCT01" with "DM_DOAN" naming the groups.

A column is read through a lookup sheet (``importers.code_catalogues``) when its header says it codes the field
("Mã vai trò", "ROLE_CODE", "MA_DOAN", or the role column itself) or names the sheet ("xem DM_VAITRO"), and a
catalogue whose names are all of that field (role words, group names, unit names) holds its codes: roles read
through the role words, groups and units as the catalogue names them, said as an inference. The lookup is exact:
a code the catalogue lacks is refused naming its cell, and so is a code two catalogues name differently; a table
holding the codes but naming other things too ("04 Cố vấn" beside the roles) reads nothing, with a warning. A field
another column already names in words (a unit's name beside its code) keeps that column. Without a catalogue a
column of number codes is left as it was (a role column's codes are refused, an unnamed one read by no field)."""

import re
from typing import Any

import pandas as pd

from ..code_catalogues import Catalogue, code_key, is_code, names_codes, number_code
from ..code_headers import code_words, is_code_label
from ..header_words import without_brackets
from ..mapping import match_field
from ..normalising import fold, is_blank
from ..role_words import WORDING, strict_role
from .catalogued_codes import FITS, catalogue_name
from .roster import FIELDS
from .roster_stage import RosterStage

CODED = ("role", "group", "unit")
SHOWN = 5
WHAT = {"role": "Nhiệm vụ trong đoàn", "group": "Đoàn công tác", "unit": "Đơn vị"}
FITTING = {**FITS, "role": lambda name: strict_role(name, {}) is not None}
MISSING = ("{cell}: mã «{code}» không có trong danh mục ở trang {sheets} — xin bổ sung danh mục hoặc ghi {what} "
           "bằng chữ")
UNFIT = ("Cột {letter} «{header}»: mã của cột có trong danh mục ở trang {sheets}, nhưng danh mục này không chỉ ghi "
         "{what} — chưa đọc cột này; xin ghi {what} bằng chữ")
CLASH = ("{cell}: mã «{code}» được các danh mục {sheets} giải nghĩa khác nhau ({names}) — không rõ theo danh mục "
         "nào; xin ghi {what} bằng chữ")


def is_coded(value: Any) -> bool:
    """A cell an export writes as a code: a short code ("DCT01", "KP-PH1") or a number ("01", 3)."""
    return is_code(value) or number_code(value) is not None


def _header_field(label: Any) -> str | None:
    """The field a header names as coded: "Mã vai trò (xem DM_VAITRO)" -> role, "GROUP_CODE" -> group."""
    text = without_brackets(label) if isinstance(label, str) else None
    if not text or not names_codes(text):
        return None
    words = (code_words(text) if is_code_label(text) else fold(text)).split()
    rest = words[1:] if words[0] in ("ma", "code", "id") else words[:-1]
    return match_field(" ".join(rest), FIELDS) if rest else None


def _named_sheets(labels: list[str], catalogues: list[Catalogue]) -> set[str]:
    """The catalogue sheets a header names, as a word of its own ("Mã đoàn (xem DM_DOAN)"). A sheet called "Mã" is
    named by every "Mã …" header: the field a header says it codes is asked first (``_column_for``)."""
    text = " ".join(labels).casefold()
    return {item.sheet for item in catalogues
            if re.search(rf"(?<!\w){re.escape(item.sheet.casefold())}(?!\w)", text)}


def _distinct(values: pd.Series) -> list:
    return [value for value in pd.unique(values.to_numpy(dtype=object)) if not is_blank(value)]


def _column_for(stage: RosterStage, field: str, catalogues: list[Catalogue]):
    """(column, catalogues it may be read through) coding `field`, or None."""
    mapped = stage.mapped(field)
    if mapped is not None:
        distinct = _distinct(stage.frame[mapped.index])
        if distinct and all(is_coded(value) for value in distinct) and (field == "role" or not all(
                is_code(value) for value in distinct)):  # unit and group codes in letters: ``catalogued_codes``
            return mapped, catalogues
        return None
    for column in stage.columns:
        if column.field is not None or column.month or column.index not in stage.frame.columns:
            continue
        labels = [label for label in (stage.label(column), stage.parent(column)) if label]
        sheets = _named_sheets(labels, catalogues)
        fields = {_header_field(label) for label in labels} - {None}
        if fields and field not in fields:
            continue  # the header says what it codes, and it is another field
        named_here = [item for item in catalogues if item.sheet in sheets and _fits(item, field)]
        if field not in fields and not named_here:
            continue
        distinct = _distinct(stage.frame[column.index])
        if distinct and all(is_coded(value) for value in distinct):
            return column, (named_here or catalogues)
    return None


def _fits(item: Catalogue, field: str, keys: set[str] | None = None) -> bool:
    shared = item.names.keys() if keys is None else keys & item.names.keys()
    return bool(shared) and all(FITTING[field](item.names[key]) for key in shared)


def _value(field: str, name: str) -> str:
    return WORDING[strict_role(name, {})] if field == "role" else catalogue_name(field, name)


def read_coded_columns(stage: RosterStage, catalogues: list[Catalogue], inferences: list | None = None) -> None:
    """Read each role, group or unit column of codes through the lookup sheet explaining them (see the module)."""
    for field in CODED:
        found = _column_for(stage, field, catalogues)
        if found is None:
            continue
        column, candidates = found
        values = stage.frame[column.index]
        keys = {code_key(value) for value in _distinct(values)}
        fitting = [item for item in candidates if _fits(item, field, keys)]
        if not fitting:
            other = [item for item in candidates if keys & item.names.keys()]
            if other and column.field is None:  # the header says the field: a table naming other things is no guess
                stage.issues.warning(None, column.letter, field, None, UNFIT.format(
                    letter=column.letter, header=column.header, what=WHAT[field].lower(),
                    sheets=", ".join(f"«{item.sheet}»" for item in other)))
            continue
        column.field = field
        meanings: dict[str, dict[str, str]] = {}
        for item in fitting:
            for key in keys & item.names.keys():
                meanings.setdefault(key, {})[item.sheet] = item.names[key]
        sheets = ", ".join(f"«{item.sheet}»" for item in fitting)
        what = WHAT[field].lower()
        for row, value in values.items():
            if is_blank(value):
                continue
            cell = f"{column.letter}{row}"
            found_names = meanings.get(code_key(value), {})
            readings = {_value(field, name) for name in found_names.values()}
            if not found_names:
                stage.refuse(int(row), column.letter, field, value, MISSING.format(
                    cell=cell, code=value, sheets=sheets, what=what), "mã không có trong danh mục")
            elif len(readings) > 1:
                names = "; ".join(f"«{sheet}»: {name}" for sheet, name in found_names.items())
                stage.refuse(int(row), column.letter, field, value, CLASH.format(
                    cell=cell, code=value, sheets=sheets, names=names, what=what), "mã có hai nghĩa")
        read = {value: readings.pop() for value in _distinct(values)
                if len(readings := {_value(field, name) for name in meanings.get(code_key(value), {}).values()}) == 1}
        stage.write(column, values.map(lambda value: read.get(value, value) if not is_blank(value) else value))
        if inferences is not None and read:
            shown = "; ".join(f"{code} → {name}" for code, name in list(read.items())[:SHOWN])
            inferences.append({"what": WHAT[field], "value": shown + ("; …" if len(read) > SHOWN else ""),
                               "source": f"mã ở cột {column.letter} «{column.header}» tra theo danh mục ở trang "
                                         f"{sheets}"})
