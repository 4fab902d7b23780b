"""What became of every data row of a file (imported / unchanged / skipped / failed, with the reason): the preview
counts them, the receipt lists them."""
from collections import defaultdict

import pandas as pd


def row_results(result, frame: pd.DataFrame) -> list[dict]:
    """Every data row of the file as imported / unchanged / skipped / failed, with the reason."""
    errors = defaultdict(list)
    for issue in result.errors:
        if issue.get("row"):
            errors[int(issue["row"])].append(issue["message"])
    failed_rows, changed_rows, reasons, recorded = set(), set(), {}, set()
    if len(frame):
        recorded = set(pd.unique(frame["src_row"]).tolist())
        failed = frame[frame["outcome"].eq("failed")]
        failed_rows = set(pd.unique(failed["src_row"]).tolist())
        changed_rows = set(pd.unique(frame.loc[frame["outcome"].isin(["created", "updated"]), "src_row"]).tolist())
        for row, texts in failed.groupby("src_row")["reason"]:
            reasons[int(row)] = "; ".join(dict.fromkeys(t for t in texts if t))
    rows = []
    for item in result.rows:
        row = int(item["row"])
        parse_errors = "; ".join(errors.get(row, []))
        if item["outcome"] != "record" or row not in recorded:
            outcome = "failed" if item["outcome"] == "failed" else "skipped"
            reason = parse_errors or item.get("reason") or ""
        else:
            outcome = "failed" if row in failed_rows else "imported" if row in changed_rows else "unchanged"
            reason = "; ".join(r for r in (reasons.get(row, ""), parse_errors) if r)
        rows.append({"row": row, "outcome": outcome, "reason": reason})
    return rows


def count_outcomes(rows: list[dict]) -> dict:
    counts = {"imported": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    for row in rows:
        counts[row["outcome"]] += 1
    return counts
