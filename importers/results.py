"""Plain dataclasses passed between the pipeline stages and returned to callers."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # pandas is imported lazily so that `inspect-sheet` starts fast
    import pandas as pd


@dataclass
class SheetData:
    """One sheet as read: a grid anchored at A1, or the reason it could not be read."""

    name: str | None
    visible: bool = True
    rows: list[list[Any]] = field(default_factory=list)
    error: str | None = None
    merges: list = field(default_factory=list)  # vertical merged ranges ((r0, c0), (r1, c1)), 0-based
    # ranges merged across two columns or more whose first cell holds text: (top, left, bottom, right, that text as
    # read), 0-based (importers.kinds.merged_notes); `read_spans` reads them when first asked (an ODS file)
    spans: list = field(default_factory=list)
    read_spans: Callable[[], list] | None = None
    # {(row, col): (text, font's encoding)} of the sheet's non-ASCII text cells, read when first asked; {} when the
    # sheet shows no text in a legacy font (importers.cell_fonts)
    read_fonts: Callable[[], dict] | None = None
    # {(row, col): CellFormat} of the sheet's cells, read when first asked (None from it: the file keeps no formats
    # this reads); None here for a CSV (importers.cell_fonts.read_cell_formats, importers.kinds.format_meanings)
    read_formats: Callable[[], dict | None] | None = None
    # {(row, col): CellFormat} of the sheet's cells when the file shows struck-through text, else {}: read when first
    # asked, with the formats above (importers.cell_fonts.shows_struck_text, importers.kinds.struck_rows)
    read_struck: Callable[[], dict] | None = None
    typ_is_data: bool = True  # False for chart sheets and the like
    found: list = field(default_factory=list)  # what a rewrite of the rows found, cells named as written
    hidden_columns: frozenset = frozenset()  # 0-based columns the file hides (xlsx, ods): importers.hidden_columns
    uncached: tuple = ()  # 0-based (row, col) of formulas saved without a result: importers.uncached_formulas
    uncached_rows: list | None = None  # the rows as read, which `uncached` counts in (a rebuilt sheet has others)
    fed_cells: frozenset | None = None  # of a rebuilt sheet, the cells of `uncached_rows` its records come from
    formula_texts: dict = field(default_factory=dict)  # (row, col) of `uncached` -> the formula ("COUNTA(G6:J6)")
    # columns of such formulas no record reads, left aside before the table is looked for: (col, header, cells,
    # hidden) (importers.helper_formulas)
    unused_formulas: tuple = ()
    delimiter: str | None = None  # a CSV's: the character its lines were split at
    roll_sheet: str | None = None  # the member list another sheet is (importers.member_rolls), read with this one
    absences_only: bool = False  # its columns list only the absent and late, the members present are not listed
    # 0-based row of a legend's label → the rows under it whose cells were joined into it (importers.legend_tables)
    legend_rows: dict = field(default_factory=dict)
    # the swatches of a legend giving a (mark, fill) pair its status, in the rows as read (importers.swatch_legends)
    swatches: list = field(default_factory=list)

    def with_rows(self, rows: list[list[Any]], **changes) -> SheetData:
        """A copy holding `rows`, cell for cell where this sheet's are (a working copy, cell fixes): the formulas
        saved without a result are still known to sit where they were read."""
        as_read = self.uncached_rows is self.rows
        return replace(self, rows=rows, uncached_rows=rows if as_read else self.uncached_rows, **changes)


@dataclass
class Workbook:
    """All sheets of a file plus facts about the container."""

    format: str
    sheets: list[SheetData]
    epoch_1904: bool = False


@dataclass
class Column:
    """One column of the located table: its position, combined header label and mapped field."""

    index: int
    letter: str
    header: str
    field: str | None = None
    month: int | None = None
    day: str | None = None  # ISO date of the meeting when the header cell is the meeting's date
    confirmed: bool = False  # mapped by a confirmed mapping: guessing from the values must not change it

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {"index": self.index, "letter": self.letter, "header": self.header, "field": self.field}


@dataclass
class Table:
    """A located table: header rows, body rows and the text around it."""

    sheet: str | None
    header_rows: list[int]  # 0-based indices into the sheet grid
    labels: list[str]  # combined header label per column
    body_start: int  # 0-based index of the first row after the header
    body_end: int  # exclusive
    title_text: list[str] = field(default_factory=list)
    legend_text: str | None = None
    parents: list[str] = field(default_factory=list)  # upper header label carried over merged cells
    dates: list[str | None] = field(default_factory=list)  # ISO date per column whose header cell is a date
    consumed: set[int] = field(default_factory=set)  # columns a stage read into another (split, joined, flags)
    legend_rows: dict = field(default_factory=dict)  # the sheet's joined legend tables (SheetData.legend_rows)
    day_pairs: dict[int, int] = field(default_factory=dict)  # month column -> its day column (``month_day_pairs``)


@dataclass
class ParseResult:
    """Validated canonical records of one file plus everything needed to explain them."""

    kind: str
    sheet: str | list[str] | None  # the list of names when several sheets are read as one table
    header_row: int
    columns: list[Column]
    signature: str
    frame: pd.DataFrame
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    row_frame: pd.DataFrame | None = None
    legacy_conversions: list[dict] = field(default_factory=list)
    year: int | None = None
    detected_signature: str | None = None  # the header as detected, before the officer's corrections
    sheets: list = field(default_factory=list)  # every sheet read, when a register spans several
    inferences: list[dict] = field(default_factory=list)  # [{what, value, source}] in Vietnamese
    # blocks under a header of their own layout (importers.block_headers): [{header_row, first_row, last_row,
    # columns}], 1-based rows, columns as columns_as_dicts() gives them: where each field of those rows was read
    blocks: list[dict] = field(default_factory=list)

    @property
    def first_sheet(self) -> str | None:
        """The sheet read first (the only one unless several are read as one table)."""
        return self.sheet[0] if isinstance(self.sheet, list) else self.sheet

    def records(self) -> list[dict]:
        """Canonical records as JSON-ready dicts (ISO dates, None for missing values)."""
        frame = self.frame.astype(object).where(self.frame.notna(), None)
        return frame.to_dict("records")

    @property
    def record_count(self) -> int:
        """Number of canonical records."""
        return len(self.frame)

    @property
    def rows(self) -> list[dict]:
        """Row accounting: one dict per data row of the table (Excel 1-based row numbers)."""
        if self.row_frame is None:
            return []
        frame = self.row_frame.astype(object).where(self.row_frame.notna(), None)
        return frame.to_dict("records")

    def row_columns(self) -> dict[str, list]:
        """`rows` as columns (row, outcome, reason, record_count, and sheet when several are read): the same values
        without a dict per row, for callers going through every row of a large file."""
        if self.row_frame is None:
            return {"row": [], "outcome": [], "reason": [], "record_count": []}
        return {name: values.astype(object).where(values.notna(), None).tolist()
                for name, values in self.row_frame.items()}

    def columns_as_dicts(self) -> list[dict]:
        """The table's columns as JSON-ready dicts."""
        return [column.as_dict() for column in self.columns]
