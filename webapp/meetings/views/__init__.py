"""The meetings area's views, one module per idea, all on the one `meetings` blueprint: the meetings themselves
(list, detail, create, edit, schedule, files), attendance (the grid and its marks), speeches (opinions and the
chair's conclusion) and records (minutes, the paper register, members' records)."""
from .. import bp, services
from ..labels import STATUS_KEYS, STATUS_SHORT
from ..minutes import locality, long_date, minutes_headings, minutes_organ, minutes_title
from . import attendance, meetings, records, scorecard, speeches  # noqa: F401  (their routes register on the blueprint)


@bp.context_processor
def _meeting_helpers() -> dict:
    return {"next_status": services.next_status, "STATUS_KEYS": STATUS_KEYS, "STATUS_SHORT": STATUS_SHORT,
            "minutes_title": minutes_title, "minutes_organ": minutes_organ, "locality": locality,
            "minutes_headings": minutes_headings, "long_date": long_date}
