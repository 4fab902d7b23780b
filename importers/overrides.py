"""The officer's corrections of what detection got wrong, as plain data applied column-wise to the pipeline.

``overrides`` = {"sheets": [names], "header_rows": [first, last] (1-based), "joins": [{"field", "columns":
[letters], }], "context": {detected field: "group"|"unit"|"role"|"ignore"}, "legend": {mark: status},
"year": int}, plus the whole-column and whole-sheet corrections described in ``importers.corrections``
(columns, replace, dates, strips, splits, sheet_values, transpose); every key is optional. Corrections are
independent: each is applied in a fixed order (transpose; strips, dates, replace, splits, joins on the body;
the column mapping; sheet values on the data rows), none undoes another.
"""

from dataclasses import dataclass, field
from typing import Any

from . import corrections
from .column_fixes import rewrite_columns
from .errors import ImportFileError
from .kinds import spec_module
from .legends import is_legend_text
from .locating import HEADER_SCAN_ROWS, _combine_rows, _row_labels, header_date, is_column_numbering_row
from .mapping import column_index, column_letter
from .normalising import clean_text, mark_key, year_in_text
from .results import Table
from .status_phrases import STATUSES

STATUS_WORDS = {"present": "có mặt", "excused": "vắng có phép", "absent": "vắng không phép", "late": "đến muộn",
                "exempt": "miễn sinh hoạt"}
CONTEXT_MEANINGS = ("group", "unit", "role", "ignore")
CONTEXT_LABELS = {"group": "Đoàn", "unit": "Chi bộ", "role": "Nhiệm vụ"}
DATE_FIELDS = ("date", "birth_date", "measured_on")


@dataclass
class Overrides:
    """Validated corrections; `empty` when there is nothing to apply."""

    sheets: list[str] = field(default_factory=list)
    header_rows: tuple[int, int] | None = None
    joins: list[dict] = field(default_factory=list)
    context: dict[str, str] = field(default_factory=dict)
    legend: dict[str, str] = field(default_factory=dict)
    year: int | None = None
    columns: dict[str, str | None] = field(default_factory=dict)
    replace: list[dict] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    strips: list[dict] = field(default_factory=list)
    splits: list[dict] = field(default_factory=list)
    sheet_values: list[dict] = field(default_factory=list)
    transpose: bool = False

    @property
    def empty(self) -> bool:
        return not (self.sheets or self.header_rows or self.joins or self.context or self.legend or self.year
                    or self.columns or self.replace or self.dates or self.strips or self.splits
                    or self.sheet_values or self.transpose)

    def fields(self) -> set[str]:
        """The fields the corrections name (each must be one of the kind's)."""
        named = set(self.columns) | {join["field"] for join in self.joins} | {v["field"] for v in self.sheet_values}
        return named | {s["into"] for s in self.strips if s["into"]} | {name for s in self.splits for name in s["into"]}


def _fail(message: str):
    raise ImportFileError(message)


def from_dict(data: dict | None) -> Overrides:
    """Overrides from plain data; ImportFileError (Vietnamese message) names what is wrong."""
    data = data or {}
    if not isinstance(data, dict):
        _fail("Các sửa đổi không hợp lệ.")
    result = Overrides()
    sheets = data.get("sheets") or []
    if not isinstance(sheets, list) or not all(isinstance(name, str) for name in sheets):
        _fail("Danh sách trang tính không hợp lệ.")
    result.sheets = list(dict.fromkeys(sheets))
    rows = data.get("header_rows")
    if rows:
        if not (isinstance(rows, (list, tuple)) and len(rows) == 2 and all(isinstance(r, int) for r in rows)) \
                or not 1 <= rows[0] <= rows[1] or rows[1] - rows[0] > 3:
            _fail("Dòng tiêu đề không hợp lệ: dòng đầu phải từ 1 và không sau dòng cuối (tối đa 4 dòng).")
        result.header_rows = (rows[0], rows[1])
    for join in data.get("joins") or []:
        columns = join.get("columns") if isinstance(join, dict) else None
        if not isinstance(join.get("field") if isinstance(join, dict) else None, str) or not isinstance(columns, list) \
                or not 2 <= len(columns) <= 3 or len(set(columns)) != len(columns):
            _fail("Ghép cột không hợp lệ: chọn một trường và hai hoặc ba cột khác nhau.")
        result.joins.append({"field": join["field"], "columns": [column_letter(column_index(c)) for c in columns]})
    for detected, meaning in (data.get("context") or {}).items():
        if detected not in CONTEXT_LABELS or meaning not in CONTEXT_MEANINGS:
            _fail("Ý nghĩa dòng tiêu đề nhóm không hợp lệ.")
        if detected != meaning:
            result.context[detected] = meaning
    for mark, status in (data.get("legend") or {}).items():
        if not str(mark).strip() or status not in STATUSES:
            _fail(f"Ký hiệu \"{mark}\" không hợp lệ: cần một ký hiệu và một trạng thái.")
        result.legend[mark_key(mark)] = status
    year = data.get("year")
    if year is not None:
        if not isinstance(year, int) or not 1900 <= year <= 2200:
            _fail("Năm không hợp lệ (1900–2200).")
        result.year = year
    result.columns = corrections.read_columns(data)
    result.replace = corrections.read_replace(data)
    result.dates = corrections.read_dates(data)
    result.strips = corrections.read_strips(data)
    result.splits = corrections.read_splits(data)
    result.sheet_values = corrections.read_sheet_values(data)
    result.transpose = corrections.read_transpose(data)
    return result


def apply_to_grid(grid, table: Table, fixes: Overrides, sheet, specs, mapping: dict | None):
    """The grid with the column corrections applied and their columns added, the mapping they make (the
    officer's on top of the caller's), and the whole-sheet values (field -> (column index, value))."""
    labels = {spec.name: spec.label for spec in specs}
    unknown = sorted(fixes.fields() - set(labels))
    if unknown:
        _fail(f"Trường \"{unknown[0]}\" không có trong loại dữ liệu này.")
    width = grid.shape[1]  # a remembered mapping to a column a removed correction had added no longer holds
    mapping = {f: c for f, c in (mapping or {}).items() if c is None or column_index(c) < width}
    grid, derived, fills = rewrite_columns(grid, table, fixes, sheet, labels)
    grid, joined = add_joins(grid, table, fixes.joins)
    derived = {**derived, **joined}
    officer = {**fixes.columns, **derived}  # last, so that a column the officer names takes no other field
    return grid, {**{f: c for f, c in mapping.items() if f not in officer}, **officer} or None, fills


def locate_at(rows: list[list[Any]], sheet: str | None, first: int, last: int) -> Table:
    """The table with the header on the given 1-based rows (the officer's choice, not the detector's)."""
    if last > len(rows):
        _fail(f"Dòng tiêu đề {last} nằm ngoài trang tính (chỉ có {len(rows)} dòng).")
    first, last = first - 1, last - 1
    labels, parents = _combine_rows([_row_labels(rows[index]) for index in range(first, last + 1)])
    dates = [next((header_date(rows[r][c]) for r in range(first, last + 1) if c < len(rows[r])
                   and header_date(rows[r][c])), None) for c in range(len(labels))]
    body_start = last + 1
    if body_start < len(rows) and is_column_numbering_row(rows[body_start]):
        body_start += 1
    titles = [clean_text(cell) for row in rows[:first] for cell in row if isinstance(cell, str) and cell.strip()]
    return Table(sheet=sheet, header_rows=list(range(first, last + 1)), labels=labels, body_start=body_start,
                 body_end=len(rows), title_text=titles, parents=parents, dates=dates)


def _as_text(values):
    """Cells as stripped text, whole numbers without '.0', blanks as ''; column-wise."""
    import pandas as pd

    series = pd.Series(values, dtype=object)
    numbers = pd.to_numeric(series.where(~series.map(type).eq(str)), errors="coerce")
    whole = numbers.notna() & numbers.eq(numbers.round())
    text = series.where(series.notna(), "").astype(str).str.strip()
    text[whole] = numbers[whole].astype("int64").astype(str)
    return text


def add_joins(grid, table: Table, joins: list[dict]):
    """The grid with one added column per join (cells joined with ' ', dates with '/'), and field -> new index."""
    import numpy as np

    added, mapping = [], {}
    width = grid.shape[1]
    for join in joins:
        indices = [column_index(letter) for letter in join["columns"]]
        if any(index >= width for index in indices):
            _fail(f"Cột {', '.join(join['columns'])} không có trong bảng.")
        parts = [_as_text(grid[:, index]) for index in indices]
        sep = "/" if join["field"] in DATE_FIELDS else " "
        joined = parts[0]
        for part in parts[1:]:
            joined = joined.str.cat(part, sep=sep)
        blank = np.logical_and.reduce([part.eq("").to_numpy() for part in parts])
        column = joined.str.strip(sep + " ").to_numpy(dtype=object)
        column[blank] = None
        mapping[join["field"]] = width + len(added)
        table.consumed.update(indices)
        added.append(column)
        label = " + ".join(table.labels[index] or column_letter(index) for index in indices)
        table.labels.append(label)
        table.parents.append(label)
    if added:
        grid = np.hstack([grid, np.stack(added, axis=1)])
    return grid, mapping


def remap_context(context, meanings: dict[str, str]):
    """Carried context facts renamed by the officer's meanings ('ignore' drops them)."""
    if context is None or not meanings:
        return context
    renamed = {}
    for field_name in context.columns:
        meaning = meanings.get(field_name, field_name)
        if meaning != "ignore" and meaning not in renamed:
            renamed[meaning] = context[field_name]
    import pandas as pd

    return pd.DataFrame(renamed, index=context.index) if renamed else None


def _row_of(rows: list[list[Any]], test) -> int | None:
    for index, row in enumerate(rows):
        if any(isinstance(cell, str) and test(cell) for cell in row):
            return index + 1
    return None


def _legend_row(rows: list[list[Any]], body_end: int) -> int | None:
    """1-based row of the legend, looked for where ``locating.find_legend`` looks (below the body, then the top)."""
    for index in [*range(body_end, len(rows)), *range(min(HEADER_SCAN_ROWS, len(rows)))]:
        if any(isinstance(cell, str) and is_legend_text(cell) for cell in rows[index]):
            return index + 1
    return None


def explain(sheets, chosen, table: Table, rows, year, context, overrides: Overrides, kind: str,
            sheet_values: dict[str, tuple] | None = None) -> list[dict]:
    """What the pipeline inferred and from where, as {what, value, source} in Vietnamese."""
    found = []
    skipped = [sheet.name for sheet in sheets if sheet.name and sheet.name != chosen and not sheet.visible]
    if chosen:
        names = overrides.sheets or [chosen]
        source = "do cán bộ chọn" if overrides.sheets else (
            f"bỏ qua trang ẩn {', '.join(skipped)}" if skipped else "trang có bảng rõ nhất")
        found.append({"what": "Trang tính", "value": ", ".join(names), "source": source})
    first, last = table.header_rows[0] + 1, table.header_rows[-1] + 1
    found.append({"what": "Dòng tiêu đề", "value": f"{first}–{last}" if last != first else str(first),
                  "source": "do cán bộ chọn" if overrides.header_rows else "nhận biết theo tên cột"})
    if kind != "roster":
        if overrides.year:
            found.append({"what": "Năm", "value": str(year), "source": "do cán bộ nhập"})
        elif year:
            row = _row_of(rows[:table.header_rows[-1] + 1], lambda text: year_in_text([text]) == year)
            found.append({"what": "Năm", "value": str(year),
                          "source": f"lấy từ dòng {row}" if row else "lấy từ tiêu đề"})
    if kind == "attendance":
        legend_row = _legend_row(rows, table.body_end)
        if overrides.legend:
            found.append(
                {
                    "what": "Ký hiệu",
                    "value": ", ".join(f"{m} = {STATUS_WORDS[s]}" for m, s in overrides.legend.items()),
                    "source": "do cán bộ sửa",
                }
            )
        elif legend_row:
            found.append({"what": "Ký hiệu", "value": "", "source": f"lấy từ dòng chú thích {legend_row}"})
    if context is not None:
        for field_name in context.columns:
            if field_name in CONTEXT_LABELS and context[field_name].notna().any():
                found.append(
                    {"what": CONTEXT_LABELS[field_name], "value": "", "source": "lấy từ các dòng tiêu đề nhóm"}
                )
    labels = {spec.name: spec.label for spec in spec_module(kind).FIELDS}
    for join in overrides.joins:
        found.append(
            {
                "what": "Ghép cột",
                "value": " + ".join(join["columns"]),
                "source": labels.get(join["field"], join["field"]),
            }
        )
    values = {field: value for field, (_, value) in (sheet_values or {}).items()}
    return found + corrections.describe(overrides, labels, values)
