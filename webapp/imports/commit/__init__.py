"""Write validated records into the database in bulk, one transaction, dry run = rolled back.

Every state change of an import goes through `execute`: the web preview (dry run), the web commit, the
background job and the `flask import` command all call it. One module per stage: `context` (options, run,
refusal), `bulk` (the inserts), `frames` (the records frame and change log), `resolve` (units and persons),
then one module per kind of record: `roster`, `attendance`, `targets`."""
import pandas as pd

from .attendance import run_attendance
from .context import Context, ImportRefused, Options
from .frames import records_frame
from .roster import run_roster
from .targets import run_targets

__all__ = ["Context", "ImportRefused", "Options", "execute", "records_frame"]
RUNS = {"roster": run_roster, "attendance": run_attendance, "targets": run_targets}


def execute(result, ctx: Context, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Apply a parse result inside the current transaction; returns the records with outcome and reason. The
    records frame (`records_frame(result)`) may be built beforehand, outside the write lock."""
    frame = records_frame(result) if frame is None else frame
    if len(frame):
        RUNS[result.kind](frame, ctx)
    return frame
