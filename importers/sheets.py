"""A register kept across several sheets: each sheet parsed with the same corrections, records concatenated."""

from .claimed_meetings import claimed_twice
from .errors import ImportFileError
from .unit_remarks import REMARKS, joined_remark_inferences


def parse_sheets(parse_file, path, kind, mapping, limits, overrides: dict, names: list[str],
                 source: str = "do cán bộ chọn"):
    """One ParseResult for all `names` (the first sheet's layout; rows, issues and inferences of every sheet)."""
    return combine(parse_each(parse_file, path, kind, mapping, limits, overrides, names), names, source)


def parse_each(parse_file, path, kind, mapping, limits, overrides: dict, names: list[str]) -> list:
    """Each of `names` parsed alone, the later ones as the kind the first is read as; a sheet that does not parse
    refuses all, by its name."""
    results = []
    for name in names:
        try:
            results.append(parse_file(path, kind=kind, sheet=name, mapping=mapping, limits=limits,
                                      overrides={**overrides, "sheets": [name]}))
        except ImportFileError as exc:
            raise ImportFileError(f"Trang tính \"{name}\": {exc.message}") from exc
        kind = kind or results[0].kind  # every sheet of one register holds the same kind
    return results


def combine(results: list, names: list[str], source: str):
    """The sheets' results as one: the first sheet's layout and header row, every sheet's records in the order
    given, rows (with their sheet), issues and inferences, and a warning per sheet repeating records of an earlier
    one (``importers.claimed_meetings``)."""
    import pandas as pd

    twice = claimed_twice(results, names)  # read before the first result takes every sheet's records
    first = results[0]
    first.sheets = list(names)
    first.frame = pd.concat([r.frame for r in results], ignore_index=True)
    frames = [r.row_frame.assign(sheet=r.sheet) for r in results if r.row_frame is not None]
    first.row_frame = pd.concat(frames, ignore_index=True) if frames else None
    for other in results[1:]:
        first.errors += other.errors
        first.warnings += other.warnings
        first.legacy_conversions += other.legacy_conversions
    first.warnings += [{"sheet": sheet, "row": None, "column": None, "field": None, "value": None, "message": text}
                       for sheet, text in twice]
    first.sheet = list(names)  # several sheets read as one: the result names them all
    first.inferences = [{"what": "Trang tính", "value": ", ".join(names), "source": source}] + [
        _per_sheet(item, results) for item in first.inferences if item["what"] not in ("Trang tính", REMARKS)] + \
        joined_remark_inferences([result.inferences for result in results])  # once for the file (``unit_remarks``)
    return first


def _per_sheet(item: dict, results) -> dict:
    """A value each sheet gives its records (an officer's correction) is shown for every sheet."""
    if not item["what"].endswith(" cho cả trang"):
        return item
    values = [said["value"] for result in results for said in result.inferences if said["what"] == item["what"]]
    return {**item, "value": "; ".join(dict.fromkeys(values))}
