"""The quarterly cell scorecard as evidence in the briefing report (the activity report): for each quarter of the
report's period, the cells that miss a rule of the rule set in force, each with the rule and the meetings behind
the verdict. The verdicts are the scorecard's own (`meetings.scorecard.cell_cards`): no second judgement and no
second rate. Its text is the administrative form itself, so it stays Vietnamese whatever the interface language."""
from datetime import date

from flask_babel import force_locale

from ..meetings import scorecard
from ..meetings.cell_rules import MISSED
from ..permissions import within
from ..template_helpers import vn_date
from ..unit_labels import unit_label
from .document import DocSection

TITLE = "V. SINH HOẠT CHI BỘ THEO QUY ĐỊNH (BẢNG ĐÁNH GIÁ THEO QUÝ)"
ROMAN_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


# What each rule read in a meeting's record (the scorecard's detail), in the report's words.
READ = {"members_notice": "giấy mời gửi đảng viên ngày {}",
        "committee_notice": "cấp ủy viên được phân công biết ngày {}", "documents": "tài liệu gửi ngày {}",
        "duration": "sinh hoạt {}", "attendance": "tỷ lệ dự {}", "thematic": "{}", "unexcused": "{}"}


def _meeting(key: str, verdict) -> str:
    """'Sinh hoạt tháng 2 (10/02/2026; sinh hoạt 60 phút)': the meeting and what the rule read in its record."""
    meeting = verdict.meeting
    detail = f"; {READ[key].format(verdict.detail)}" if verdict.detail and verdict.detail != "—" else ""
    return f"{meeting.title} ({vn_date(meeting.held_on)}{detail})"


def _lines(year: int, quarter: int, cards) -> list[str]:
    lines = []
    for card in cards:
        for rule in card.verdicts:
            if rule.verdict != MISSED:
                continue
            behind = [v for v in rule.meetings if v.verdict == MISSED] or rule.meetings
            meetings = "; ".join(_meeting(rule.key, v) for v in behind) or "không có cuộc họp nào trong quý"
            lines.append(f"Quý {ROMAN_QUARTERS[quarter]}/{year} – {unit_label(card.unit)}: chưa đạt «{rule.label}» – "
                         f"{meetings}.")
    return lines


def cell_evidence(user, start: date, end: date, unit_path: str | None = None) -> DocSection:
    """The section for the period `start`–`end` (the quarters it has reached, the latest four) as `user` sees the
    scorecard, narrowed to the cells under `unit_path` when the report is about one unit."""
    with force_locale("vi"):
        judged, items = 0, []
        for year, quarter in scorecard.quarters_between(start, end):
            first, last = scorecard.quarter_bounds(year, quarter)
            cells = [unit for unit in scorecard.visible_cells(user, first, last)
                     if unit_path is None or within(unit.path, unit_path)]
            cards = scorecard.cell_cards(cells, first, last)
            judged += len(cards)
            items += _lines(year, quarter, [card for card in cards if card.misses()])
    lead = ("Theo bảng đánh giá sinh hoạt chi bộ theo quý (quy tắc của văn bản quy định có hiệu lực vào ngày họp, "
            "theo HD 42-HD/BTCTW và HD 12-HD/BTCTW), các chi bộ chưa đạt quy tắc, kèm các cuộc họp làm căn cứ:")
    if not judged:
        return DocSection(TITLE, paragraphs=["Chưa có chi bộ nào được đánh giá trong kỳ báo cáo."])
    if not items:
        return DocSection(TITLE, paragraphs=[f"{judged} lượt chi bộ được đánh giá trong kỳ; không có chi bộ nào "
                                             "chưa đạt quy tắc sinh hoạt."])
    return DocSection(TITLE, paragraphs=[lead], items=items)
