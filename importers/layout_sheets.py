"""Sheets of one kind, each in its own layout: since wards merged, a workbook holds a sheet per former ward (or per
chi bộ, or per month), each a register or each a roster, but each with its own header wording, column order, month
labels and marks. Every such sheet that parses on its own (its header found, its records read, no error) is read by
itself and the records joined in workbook order; a sheet of another kind, or one that does not parse, stays named in
a warning, as do summaries."""

from .errors import ImportFileError
from .sheets import combine, parse_each

SOURCE = "các trang cùng loại, bố cục khác nhau, đọc từng trang"
SAME_LAYOUT = "các trang cùng bố cục, đọc tất cả"
# The officer's corrections that hold for any layout; a column mapping, header rows or column corrections are made
# on the chosen sheet's layout and say nothing of another's, which is read by its own header.
LAYOUT_FREE = ("legend", "year")
# A roster sheet names something of its people besides the name: a list of names only (or of names and counts) is
# no roster of its own; a register's date and marks are checked by its parse.
_NOT_ROSTER_FIELDS = {"full_name", "index", "note", None}


def read_sheet_set(parse_file, path, kind, mapping, limits, overrides: dict, chosen: str, plan, order: list[str]):
    """One result for the chosen table's sheets (`plan.reading`) and the other sheets (`plan.other`) holding a
    table of the same kind that parses on its own, in workbook `order`, with the other sheets left out (for
    `plan.notes` to name); None when only the chosen sheet is read (the caller reads it as one sheet)."""
    free = {key: overrides[key] for key in LAYOUT_FREE if key in overrides}
    parsed = {name: _alone(parse_file, path, limits, free, name) for name in plan.other}
    if not plan.read and not any(parsed.values()):
        return None
    try:
        base = parse_each(parse_file, path, kind, mapping, limits, overrides, plan.read or [chosen])
    except ImportFileError:
        if plan.read:
            raise
        return None  # the chosen sheet refuses on its own: read with the whole book, it says why as it always did
    kept = {name: result for name, result in parsed.items() if result is not None and result.kind == base[0].kind}
    if not plan.read and not kept:
        return None  # no sheet of the chosen table's kind beside it: read as one sheet, with the whole book
    results = dict(zip(plan.read or [chosen], base)) | kept
    names = sorted(results, key=order.index)
    source = SOURCE if kept else plan.source or SAME_LAYOUT
    if len(names) == 1 and plan.source:  # the latest year's one list, not the chosen sheet (importers.year_versions)
        result = results[names[0]]
        result.inferences = [{"what": "Trang tính", "value": names[0], "source": source}] + [
            item for item in result.inferences if item["what"] != "Trang tính"]
        return result, [name for name in plan.other if name not in kept]
    combined = combine([results[name] for name in names], names, source)
    return combined, [name for name in plan.other if name not in kept]


def _alone(parse_file, path, limits, overrides: dict, name: str):
    """The sheet parsed by itself, its kind and columns found on its own: None when it does not parse, has errors,
    holds no records, or is a list of names without a roster's other fields."""
    try:
        result = parse_file(path, kind=None, sheet=name, mapping=None, limits=limits,
                            overrides={**overrides, "sheets": [name]})
    except ImportFileError:
        return None
    if result.errors or result.frame.empty:
        return None
    if result.kind == "roster" and not {column.field for column in result.columns} - _NOT_ROSTER_FIELDS:
        return None
    return result

