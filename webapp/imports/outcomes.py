"""What became of every data row of a file (imported / unchanged / skipped / failed, with the reason): the preview
counts them, the receipt lists them."""
from collections import defaultdict

import numpy as np
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
        failed = frame["outcome"].eq("failed").to_numpy()
        failed_rows = set(pd.unique(frame["src_row"].to_numpy()[failed]).tolist())
        changed_rows = set(pd.unique(frame.loc[frame["outcome"].isin(["created", "updated"]), "src_row"]).tolist())
        reasons = _failure_reasons(frame["src_row"].to_numpy()[failed], frame["reason"].to_numpy()[failed])
    rows = []
    columns = result.row_columns()
    joined = {row: "; ".join(messages) for row, messages in errors.items()}  # once per row with errors, not per row
    for row, kept, why in zip(columns["row"], columns["outcome"], columns["reason"]):
        row = int(row)
        parse_errors = joined.get(row, "")
        if kept != "record" or row not in recorded:
            outcome = "failed" if kept == "failed" else "skipped"
            reason = parse_errors or why or ""
        else:
            outcome = "failed" if row in failed_rows else "imported" if row in changed_rows else "unchanged"
            failure = reasons.get(row, "")
            reason = f"{failure}; {parse_errors}" if failure and parse_errors else failure or parse_errors
        rows.append({"row": row, "outcome": outcome, "reason": reason})
    return rows


def _failure_reasons(rows: np.ndarray, texts: np.ndarray) -> dict[int, str]:
    """Each failed source row's distinct reasons in record order, joined (records of a row come together and
    mostly share their reason: repeats next to each other are dropped before going through them one by one)."""
    if not len(rows):
        return {}
    fresh = np.ones(len(rows), dtype=bool)
    fresh[1:] = (rows[1:] != rows[:-1]) | (texts[1:] != texts[:-1])
    found = {}
    for row, text in zip(rows[fresh].tolist(), texts[fresh].tolist()):
        if text:
            found.setdefault(int(row), {})[text] = None
    return {row: "; ".join(texts) for row, texts in found.items()}


def count_outcomes(rows: list[dict]) -> dict:
    counts = {"imported": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    for row in rows:
        counts[row["outcome"]] += 1
    return counts
