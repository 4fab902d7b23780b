"""A one-row-per-meeting register whose meeting date was merged down over each meeting's rows and lost its merge (a
CSV export, a copy-paste, cells unmerged): the date stands on the meeting's first row only, the rows below are blank.
A human reads such a blank as "the meeting above", so the date is carried down, said in one warning, when the column
reads as a lost merge and as nothing else: the first person row is dated, blank dates are at least as many as
written ones, each date (of a unit) heads one block only, no person is twice in a block and no block runs into
another unit. Otherwise the blanks are missing dates, refused row by row, and one warning says why the date above
was not taken. A column filled on every row, or its merge kept (``locating.fill_vertical_merges``), is untouched."""

import numpy as np
import pandas as pd

from ..normalising import clean_text, is_blank
from .body import map_unique
from .carried import blank_cells, reads_as_lost_merge

SHOWN = 12
FILLED = ("Cột {letter} «{header}»: {count} dòng để trống ngày sinh hoạt ngay dưới một dòng có ngày (ngày ghi một "
          "lần ở dòng đầu mỗi buổi, như ô gộp khi lưu CSV) đã lấy ngày của dòng đầu buổi: {cells} — xin kiểm tra")
NOT_FILLED = ("Cột {letter} «{header}»: {count} dòng để trống ngày sinh hoạt ngay dưới một dòng có ngày, như ô gộp "
              "cho cả buổi; chưa lấy ngày phía trên vì {reason} — xin ghi ngày cho các dòng đó")
DATE_TWICE = "ngày «{value}» ghi ở hai khối (dòng {first} và dòng {second})"
NAME_TWICE = "«{name}» có hai dòng trong khối của dòng {head} (dòng {row}: có thể một buổi khác bị thiếu ngày)"
OTHER_UNIT = "dòng {row} thuộc đơn vị khác dòng đầu khối (dòng {head})"


def _key(value):
    return (clean_text(value) or "").casefold() if isinstance(value, str) or is_blank(value) else value


def _keys(values: np.ndarray) -> np.ndarray:
    """Cell values compared as text (case and spacing aside); dates and numbers as themselves."""
    keys = map_unique(pd.Series(values, dtype=object), _key).to_numpy(dtype=object, copy=True)
    keys[pd.isna(keys)] = ""
    return keys


def _first_repeat(keys: pd.DataFrame) -> tuple[int, int] | None:
    """Positions (earlier, later) of the first row whose keys repeat an earlier row's, or None."""
    repeated = keys.duplicated()
    if not repeated.any():
        return None
    later = int(np.flatnonzero(repeated.to_numpy())[0])
    same = (keys.iloc[:later] == keys.iloc[later]).all(axis=1).to_numpy()
    return int(np.flatnonzero(same)[0]), later


def _doubt(frame, rows, blank, block, cells, names, units) -> str | None:
    """Why the blanks of a column that looks like a lost merge are not read as the meeting above, or None."""
    index = frame.index
    heads = rows[~blank]
    head_of = heads[block]
    mine, theirs = units[rows], units[head_of]
    crossing = np.flatnonzero((mine != theirs) & (mine != "") & (theirs != ""))  # a blank unit crosses nothing
    if len(crossing):
        return OTHER_UNIT.format(row=index[rows[crossing[0]]], head=index[head_of[crossing[0]]])
    repeat = _first_repeat(pd.DataFrame({"unit": units[heads], "date": _keys(cells[heads])}))
    if repeat is not None:
        first, second = heads[repeat[0]], heads[repeat[1]]
        return DATE_TWICE.format(value=clean_text(cells[first]), first=index[first], second=index[second])
    repeat = _first_repeat(pd.DataFrame({"block": block, "name": _keys(names[rows])}))
    if repeat is not None:
        row = rows[repeat[1]]
        return NAME_TWICE.format(name=clean_text(names[row]), head=index[head_of[repeat[1]]], row=index[row])
    return None


def fill_merged_dates(frame: pd.DataFrame, raw: pd.DataFrame, by_field: dict, issues) -> pd.DataFrame:
    """The frame with a lost merge's blank meeting dates carried down (see the module docstring); `raw` is the body
    as read: a cell is blank when the file leaves it blank, and the date above wins over any fact carried there."""
    date, name = by_field.get("date"), by_field.get("full_name")
    if date is None or name is None or date.index not in raw.columns or name.index not in frame.columns:
        return frame
    cells = raw[date.index].reindex(frame.index).to_numpy(dtype=object)
    names = frame[name.index].to_numpy(dtype=object)
    rows = np.flatnonzero(~blank_cells(names))  # the person rows; a row without a name is refused as it is
    blank = blank_cells(cells[rows])
    if not blank.any() or blank[0] or not reads_as_lost_merge(blank):
        return frame
    block = np.cumsum(~blank) - 1
    unit = by_field.get("unit")
    units = _keys(frame[unit.index].to_numpy(dtype=object)) if unit is not None and unit.index in frame.columns \
        else np.full(len(frame), "", dtype=object)
    letter, header, targets = date.letter, date.header, rows[blank]
    doubt = _doubt(frame, rows, blank, block, cells, names, units)
    if doubt:
        issues.warning(None, letter, "date", None, NOT_FILLED.format(
            letter=letter, header=header, count=len(targets), reason=doubt))
        return frame
    filled = frame[date.index].to_numpy(dtype=object).copy()
    filled[targets] = cells[rows[~blank][block[blank]]]
    out = frame.copy(deep=False)
    out[date.index] = filled
    shown = [f"{letter}{frame.index[row]}" for row in targets[:SHOWN]]
    issues.warning(None, letter, "date", None, FILLED.format(
        letter=letter, header=header, count=len(targets),
        cells=", ".join(shown) + (", …" if len(targets) > SHOWN else "")))
    return out
