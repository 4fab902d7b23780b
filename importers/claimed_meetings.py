"""One person's meeting recorded by two sheets read as one register: the records of a sheet that an earlier sheet
already gave (the same person and meeting, the same chi bộ or one of them naming none) are named in a warning, sheet
by sheet, for the officer to keep one. A sheet dated by month columns ("T1" … "T12") claims its person's meeting of
the whole month, so it repeats a sheet dated by day ("05/01") in that month: a year's summary by month beside the
quarter tabs it sums up. Whole tabs repeating others are left out before (``importers.repeated_tabs``); this names
what is left, such as one meeting on two quarters' tabs."""

from .repeated_tabs import EXAMPLES, period_text

Claim = tuple[str, str]  # (person, ISO date or 'YYYY-MM' for a whole month)


def _by_month(result) -> bool:
    """Whether the sheet's meetings are month columns, with no day."""
    return any(column.month and not column.day for column in result.columns)


def _records(result):
    """(person, unit, ISO date) of each record naming a person and a date."""
    frame = result.frame.reindex(columns=["full_name", "unit", "date"]).astype(object)
    frame = frame.where(frame.notna(), None)
    for person, unit, date in frame.itertuples(index=False):
        if person is not None and date is not None:
            yield person, unit, str(date)


def _same_unit(one, other) -> bool:
    """Two records' units agree: the same, or one of them naming none (a summary stating no chi bộ)."""
    return one == other or one is None or other is None


def _meeting_text(claim: Claim) -> str:
    person, when = claim
    if len(when) == 7:
        return f"«{person}» {period_text(('month', int(when[:4]), int(when[5:])))}"
    return f"«{person}» ngày {period_text(('day', when))}"


def _warning(name: str, again: dict[Claim, str]) -> str:
    """The warning naming the sheet's claims (with the earlier sheet of each) an earlier sheet made."""
    claims, sheets = list(again), ", ".join(f"\"{sheet}\"" for sheet in dict.fromkeys(again.values()))
    listed = "; ".join(_meeting_text(claim) for claim in claims[:EXAMPLES]) + ("…" if len(claims) > EXAMPLES else "")
    return (f"Trang \"{name}\" ghi lại {len(claims)} lượt điểm danh đã có ở trang {sheets} (cùng người, cùng buổi "
            f"sinh hoạt): {listed} — hãy giữ một trang đúng trước khi nhập để không nhập trùng.")


def claimed_twice(results: list, names: list[str]) -> list[tuple[str, str]]:
    """(sheet, warning) naming, per sheet (in the order given), the person-meetings an earlier sheet recorded."""
    if any(result.kind != "attendance" or not {"full_name", "date"} <= set(result.frame.columns)
           for result in results):
        return []
    days: dict[Claim, list[tuple]] = {}    # (person, date) -> [(unit, sheet)] of the sheets dated by day
    months: dict[Claim, list[tuple]] = {}  # (person, month) -> [(unit, sheet, dated by month)] of every sheet
    warnings = []
    for name, result in zip(names, results):
        monthly, again = _by_month(result), {}  # claim -> the earlier sheet that made it
        for person, unit, date in _records(result):
            month = (person, date[:7])
            if monthly:  # the whole month: any sheet's record in it
                earlier = [(other, sheet) for other, sheet, _ in months.get(month, [])]
            else:  # the day, or the month of a sheet dated by month
                earlier = days.get((person, date), []) + [(other, sheet) for other, sheet, by_month
                                                          in months.get(month, []) if by_month]
            first = next((sheet for other, sheet in earlier if sheet != name and _same_unit(other, unit)), None)
            if first is not None:
                again.setdefault(month if monthly else (person, date), first)
            if not monthly:
                days.setdefault((person, date), []).append((unit, name))
            months.setdefault(month, []).append((unit, name, monthly))
        if again:
            warnings.append((name, _warning(name, again)))
    return warnings
