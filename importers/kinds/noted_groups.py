"""A group column of codes read through the sheet's note lines (``importers.group_code_notes``): "Đ1" becomes
"Đoàn công tác số 1" when a note says so, and what was read, and from which note, is said as an inference. A code
whose note cannot be read (it lists more codes than groups or fewer) stays as written, the warning naming the note."""

import pandas as pd

from ..group_code_notes import GroupCodes
from ..normalising import is_blank, is_group_name, normalise_group

SHOWN = 5


def decode_noted_groups(frame: pd.DataFrame, by_field: dict, codes: GroupCodes) -> tuple[pd.DataFrame, list[dict]]:
    """The frame with each group code a note explains written as its group, and the inference saying so."""
    column = by_field.get("group")
    if column is None or column.index not in frame.columns or not codes:
        return frame, []
    values = frame[column.index]
    distinct = [value for value in pd.unique(values.to_numpy(dtype=object)) if not is_blank(value)]
    names = {value: name for value in distinct
             if not is_group_name(normalise_group(value)) and (name := codes.name(value))}
    if not names:
        return frame, []
    frame = frame.copy(deep=False)
    frame[column.index] = values.map(lambda value: names.get(value, value))
    shown = "; ".join(f"{code} → {name}" for code, name in list(names.items())[:SHOWN])
    notes = "; ".join(f"«{note}»" for note in dict.fromkeys(codes.note(value) for value in names))
    return frame, [{"what": "Đoàn công tác", "value": shown + ("; …" if len(names) > SHOWN else ""),
                    "source": f"mã ở cột {column.letter} «{column.header}» theo dòng ghi chú {notes}"}]


def doubtful_group_codes(frame: pd.DataFrame, by_field: dict, codes: GroupCodes) -> list[str]:
    """Warnings for the group codes a note meant to explain but could not (``GroupCodes.doubt``), one per note."""
    column = by_field.get("group")
    if column is None or column.index not in frame.columns or not codes.doubts:
        return []
    found: dict[str, list[str]] = {}
    for value in pd.unique(frame[column.index].to_numpy(dtype=object)):
        if not is_blank(value) and (doubt := codes.doubt(value)):
            found.setdefault(doubt, []).append(str(value))
    return [f"Cột {column.letter} «{column.header}»: mã {', '.join(f'«{code}»' for code in shown[:SHOWN])} — {doubt}; "
            f"đã giữ nguyên mã như trong tệp, hãy sửa ghi chú để mỗi mã ứng với đúng một số đoàn"
            for doubt, shown in found.items()]
