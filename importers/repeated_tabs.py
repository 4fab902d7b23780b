"""Tabs of one register that repeat the others' records, told by the meetings, not by the people alone.

A register kept one tab per period ("Quy I" … "Quy IV", "Tháng 1" …, each "05/04 | 05/05 | 05/06" under "Ngày sinh
hoạt", the year in the title) lists the same members on every tab, one joining or leaving between tabs: each tab
holds its own meetings, so every tab is read. A tab repeats records only when its person-meetings are those of
other tabs (``importers.sheet_periods``):

- a summary: a tab holding all the other tabs' person-meetings together ("Tổng hợp" with every meeting of the year),
  when those tabs hold different ones;
- a copy: a tab most of whose person-meetings an earlier tab already holds (a tab copied and its dates left
  unchanged, "Quy II" and "Quy II (2)"): one person-meeting claimed twice, the marks may disagree.

Either is left out with a warning naming it (and, for a copy, the tab and the meetings it repeats), never read
twice. A tab with a few person-meetings of another (one meeting on two quarters' tabs, a namesake) is no copy and is
read, its repeated records named in a warning once read (``importers.claimed_meetings``). Tabs whose rows say no
period (a roster, undated meetings) repeat nothing here."""

from .results import SheetData, Table
from .sheet_periods import Period, covers, person_periods

EXAMPLES = 3  # meetings named in a copy's warning


def _meetings(pairs: set) -> set:
    """The (person, period) pairs that name a period: person-meetings."""
    return {pair for pair in pairs if pair[1] is not None}


def summary_tabs(pairs: dict[str, set]) -> list[str]:
    """The one tab whose records are all those of the other tabs together, when those others hold different
    records (a "Tổng hợp" sheet over a sheet per cell); a sheet per month lists the same people for another
    month, so sums up none."""
    if len(pairs) < 3:
        return []
    summaries = []
    for name, mine in pairs.items():
        others = [values for other, values in pairs.items() if other != name and values]
        union = set().union(*others) if others else set()
        if len(others) >= 2 and union and covers(mine, union) and len(union) > max(len(values) for values in others):
            summaries.append(name)
    return summaries if len(summaries) == 1 else []


def copied_tabs(pairs: dict[str, set]) -> dict[str, tuple[str, list[Period]]]:
    """Each tab (in the order given) most of whose person-meetings an earlier tab kept already holds: {tab: (that
    tab, the meetings they share)}."""
    copies: dict[str, tuple[str, list[Period]]] = {}
    kept: list[str] = []
    for name, values in pairs.items():
        mine = _meetings(values)
        source = next((earlier for earlier in kept if 2 * len(mine & pairs[earlier]) > len(mine)), None)
        if mine and source is not None:
            copies[name] = source, sorted({period for _, period in mine & pairs[source]}, key=str)
        else:
            kept.append(name)
    return copies


def period_text(period: Period) -> str:
    """A meeting as messages write it: "05/04/2025", "05/04" (no year stated), "tháng 4/2025"."""
    if period[0] == "day":
        year, month, day = period[1].rsplit("-", 2)
        return f"{day}/{month}" + (f"/{year}" if year.strip("-") else "")
    return f"tháng {period[2]}" + (f"/{period[1]}" if period[1] else "")


def copy_warning(name: str, source: str, periods: list[Period]) -> str:
    """The warning naming a copied tab left out."""
    listed = ", ".join(period_text(period) for period in periods[:EXAMPLES]) + ("…" if len(periods) > EXAMPLES else "")
    return (f"Trang \"{name}\" ghi lại các buổi sinh hoạt của trang \"{source}\" ({listed}) cho cùng những người: "
            "không đọc trang này để không nhập trùng — nếu ngày trên trang này ghi sai, hãy sửa rồi nhập lại.")


def summary_warning(name: str) -> str:
    """The warning naming a summary tab left out."""
    return (f"Trang \"{name}\" lặp lại người của các trang khác (trang tổng hợp): không đọc trang này để không "
            "nhập trùng.")


def repeated_tabs(found: list[tuple[SheetData, Table]], specs, key_fields) -> tuple[list[str], list[str]]:
    """The tabs of `found` (workbook order) to leave out, and the warnings naming them."""
    pairs = {sheet.name: person_periods(sheet, table, specs, key_fields) for sheet, table in found}
    summaries = summary_tabs(pairs)
    copies = copied_tabs({name: values for name, values in pairs.items() if name not in summaries})
    warnings = [summary_warning(name) for name in summaries]
    warnings += [copy_warning(name, source, periods) for name, (source, periods) in copies.items()]
    return summaries + list(copies), warnings
