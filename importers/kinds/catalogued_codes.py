"""A unit (or group) column of codes read through the workbook's catalogue (``importers.code_catalogues``): each
code is replaced by its name when one catalogue holds every code the column uses, and what was looked up, and where,
is said as an inference. A column of codes no catalogue holds in full stays as written, with a warning naming the
codes it lacks; so does one whose codes two catalogues name differently."""

import pandas as pd

from ..code_catalogues import Catalogue, code_key, is_code
from ..normalising import is_blank, is_group_name, is_unit_heading, normalise_group, normalise_unit_name

SHOWN = 5
WHAT = {"unit": "Đơn vị", "group": "Đoàn công tác"}
PARTLY = ("Cột {letter} «{header}»: giá trị là mã, nhưng danh mục ở trang «{sheet}» không có mã {codes} — giữ nguyên "
          "các mã; xin bổ sung danh mục hoặc ghi tên {what} thay cho mã")
CLASH = ("Cột {letter} «{header}»: các mã có trong nhiều danh mục ({sheets}) với tên khác nhau — giữ nguyên các mã; "
         "xin ghi tên {what} thay cho mã")


# A catalogue serves a field only when its names are of that field: a list of group codes and the units they follow
# ("ĐCT-01 | Đảng bộ phường An Bình") never renames groups as units
FITS = {"unit": is_unit_heading, "group": lambda name: is_group_name(normalise_group(name))}


def _serves(item: Catalogue, field: str, keys: set[str]) -> bool:
    return all(FITS[field](item.names[key]) for key in keys & item.names.keys())


def catalogue_name(field: str, name: str) -> str:
    return (normalise_unit_name(name) or name) if field == "unit" else name


def decode_catalogued(frame: pd.DataFrame, by_field: dict, catalogues: list[Catalogue], issues) -> tuple[
        pd.DataFrame, list[dict]]:
    """The frame with each unit or group column of codes replaced by the names its catalogue gives, and the
    inferences saying so."""
    said = []
    for field in WHAT:
        column = by_field.get(field)
        if column is None or column.index not in frame.columns or not catalogues:
            continue
        values = frame[column.index]
        distinct = [value for value in pd.unique(values.to_numpy(dtype=object)) if not is_blank(value)]
        if not distinct or not all(is_code(value) for value in distinct):
            continue
        keys = {code_key(value) for value in distinct}
        fitting = [item for item in catalogues if _serves(item, field, keys)]
        full = [item for item in fitting if keys <= item.names.keys()]
        named = {tuple(item.names[key] for key in sorted(keys)) for item in full}
        where = {"letter": column.letter, "header": column.header, "what": WHAT[field].lower()}
        if len(named) > 1:
            sheets = ", ".join(f"«{item.sheet}»" for item in full)
            issues.warning(None, column.letter, field, None, CLASH.format(sheets=sheets, **where))
            continue
        if not full:
            partly = next((item for item in fitting if keys & item.names.keys()), None)
            if partly is not None:
                missing = sorted(str(value) for value in distinct if code_key(value) not in partly.names)
                codes = ", ".join(f"«{code}»" for code in missing[:SHOWN]) + ("…" if len(missing) > SHOWN else "")
                issues.warning(None, column.letter, field, None, PARTLY.format(sheet=partly.sheet, codes=codes,
                                                                              **where))
            continue
        names = {value: catalogue_name(field, full[0].names[code_key(value)]) for value in distinct}
        frame = frame.copy(deep=False)
        frame[column.index] = values.map(lambda value, names=names: names.get(value, value))
        shown = "; ".join(f"{code} → {name}" for code, name in list(names.items())[:SHOWN])
        said.append({"what": WHAT[field], "value": shown + ("; …" if len(names) > SHOWN else ""),
                     "source": f"mã ở cột {column.letter} «{column.header}» tra theo danh mục ở trang "
                               f"«{full[0].sheet}»"})
    return frame, said
