"""Attendance statuses written as words rather than marks: "Có mặt", "Tham dự", "Vắng có phép", "Vắng (ốm)",
"Vắng không lý do", "Đến muộn 15 phút", "Về sớm", "Miễn sinh hoạt" (or "MS"), and yes/no answers ("Có" / "Không")
that a reason column completes.

A mark the file's legend (or the usual marks) explains wins; then the phrase vocabulary below. A value matching
neither is a problem for its cell, never a default status."""

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from . import normalising
from .absence_notice import REPORTED, UNREPORTED, came
from .lateness_rules import is_rule_line
from .mark_doubts import MarkDoubt
from .mark_reasons import conflicting_reason, mark_with_reason
from .normalising import decode_mark, fold, is_blank, mark_key
from .ticks import checkbox

# A member excused from cell meetings (miễn sinh hoạt: age, health, work away) is neither present nor absent: the
# marks' four statuses and this one, which a cell states in words or as "MS" (and a legend may give any mark).
EXEMPT = "exempt"
STATUSES = (*normalising.STATUSES, EXEMPT)

UNKNOWN = ("ký hiệu điểm danh không rõ: không đọc được là có mặt, vắng có phép, vắng không phép, đến muộn hay miễn "
           "sinh hoạt")
CHECKBOX_UNREAD = ("ô tích (TRUE/FALSE) ở cột mà tên cột không nói tích nghĩa là gì: ô tích chỉ được đọc dưới cột "
                   "«Có mặt» (tích là có mặt) hoặc cột ghi một trạng thái («Đến muộn», «Vắng có phép»)")
MORE_WORDS = "mở đầu bằng «có mặt» nhưng còn ghi thêm: đã hiểu là có mặt, xin kiểm tra phần ghi thêm"
LEFT_EARLY = "«về sớm» được ghi là đến muộn (dự không trọn buổi); sửa nếu văn phòng tính khác"

# Southern offices answer "có đi" / "không đi" (họp), as others "có mặt" / "không dự".
NO_WORDS = {"khong", "ko", "k co", "khong co", "khong du", "khong tham du", "chua du", "no", "khong di",
            "khong di hop"}
YES_WORDS = {"co", "co mat", "du", "tham du", "co tham du", "da du", "du hop", "co du", "du day du", "yes", "dat",
             "present", "check in", "checked in", "attended", "co di", "co di hop", "co di du", "co di sinh hoat"}
# Folded wordings found anywhere in the cell, tried in order: the more specific first.
EXEMPT_PHRASES = ("mien sinh hoat", "mien sh", "mien shcb", "duoc mien")
# Whether the absence was reported ("vắng, ko báo", "có báo"): ``absence_notice``, shared with the legends.
ABSENT_PHRASES = ("khong phep", "khong ly do", "khong co ly do", "tu y", "khong ld", "ko ld", *UNREPORTED)
PHRASES = (
    (EXEMPT_PHRASES, EXEMPT),
    (ABSENT_PHRASES, "absent"),
    (("co phep", "co ly do", "nghi phep", "vang phep", "xin vang", "xin nghi", "co ld", *REPORTED), "excused"),
    (("muon", "tre", "den cham", "di cham"), "late"),
)
ABSENT_WORDS = {"vang", "vang mat"}
TICKS = {"√", "☑", "✅"}  # ticks besides the usual marks' ✓ ✔ (variation selectors aside: ``mark_key``)
# Abbreviations of the status wordings (folded): vắng có phép / không phép / (vắng) có lý do / không lý do; miễn sinh
# hoạt ("MS", or "Miễn" alone: within a longer text "miễn" is too loose, "miền Nam" folds alike).
CODES = {"vcp": "excused", "vkp": "absent", "vk": "absent", "vcl": "excused", "vkl": "absent", "vcld": "excused",
         "vkld": "absent", "cld": "excused", "kld": "absent", "ms": EXEMPT, "mien": EXEMPT}
PRESENT_OPENINGS = ("co mat ", "tham du ", "du hop ")  # "Có mặt đúng giờ", after the phrases above found nothing
# Reasons written straight after "vắng"/"nghỉ" without a bracket or a dash ("Nghỉ ốm", "Vắng đi học", "nghỉ bịnh":
# the southern "bệnh").
REASON_WORDS = ("om", "benh", "binh", "cong tac", "di cong tac", "viec rieng", "viec gia dinh", "gia dinh",
                "nam vien", "di hoc", "hoc", "thai san", "viec hieu", "viec hy", "tap huan", "dieu tri")
_REASON_AFTER = re.compile(rf"^(?:vang|nghi)(?: mat)? (?:vi |do )?(?:{'|'.join(REASON_WORDS)})\b")
_WITH_REASON = re.compile(r"^\s*(?:vắng|nghỉ)(?:\s+mặt)?\s*(?:\((?P<a>[^)]*)\)|[:\-–—]\s*(?P<b>.+)"
                          r"|\s+(?:do|vì|lý do:?)\s+(?P<c>.+))\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """What one status cell says. `answer` is 'no' for a bare negative answer ("Không") a reason column may
    refine, 'reason' for an absence with its reason in the cell ("Vắng (ốm)"), 'bare' for a bare «Vắng» that a
    reason column may refine too; `doubt` is a warning text."""

    status: str | None = None
    problem: str | None = None
    doubt: str | None = None
    answer: str | None = None


class Refused(str):
    """A status cell an earlier stage found unreadable (a meeting's tick boxes that do not settle a status): its
    text shows the cells, `problem` says why. Read as that problem, never as a mark."""

    problem: str

    def __new__(cls, shown: str, problem: str):
        cell = super().__new__(cls, shown)
        cell.problem = problem
        return cell


def read_status(value: Any, marks: dict[str, str]) -> Reading:
    """The status one cell states; Reading() for a blank cell."""
    if is_blank(value):
        return Reading()
    if isinstance(value, Refused):
        return Reading(problem=value.problem)
    status, doubt = decode_mark(value, marks)
    if isinstance(marks.get(mark_key(value)), MarkDoubt):  # two meanings in the legend: no tick, no wording either
        return Reading(problem=doubt)
    folded = fold(value)
    if folded in NO_WORDS and (status is None or status == "absent"):
        return Reading("absent", answer="no")
    if status:
        return Reading(status, answer="bare" if status == "absent" and folded in ABSENT_WORDS else None)
    if checkbox(value) is not None:  # read where the header asks "present?" (``kinds.status_ticks``), never here
        return Reading(problem=CHECKBOX_UNREAD)
    if folded in YES_WORDS or mark_key(value) in TICKS:
        return Reading("present")
    if folded in CODES:
        return Reading(CODES[folded])
    code = _absence_code(folded)
    if code:
        return Reading(code)
    conflict = conflicting_reason(value, {**CODES, **marks})
    if conflict:
        return Reading(problem=conflict)
    padded = f" {folded} "
    arrived = came(folded)
    for wordings, status in PHRASES:
        if arrived and status in ("absent", "excused"):
            continue  # "Đến muộn, có báo", "Có mặt (có báo)": the notice qualifies an arrival (``absence_notice``)
        if any(f" {wording} " in padded for wording in wordings):
            return Reading(status)
    if " ve som " in padded:
        return Reading("late", doubt=LEFT_EARLY)
    if _reason_in_cell(value) or _REASON_AFTER.match(folded):
        return Reading("excused", answer="reason")
    if folded in ABSENT_WORDS:
        return Reading("absent", answer="bare")
    if folded.startswith(PRESENT_OPENINGS):
        return Reading("present", doubt=MORE_WORDS)
    marked = mark_with_reason(value, {**CODES, **marks})  # "P (ốm)"; after "Vắng (ốm)", an excused absence
    return Reading(marked) if marked else Reading(problem=UNKNOWN)


def _absence_code(folded: str) -> str | None:
    """The status of "vắng" followed by the abbreviation of its kind, in any case and spacing ("Vắng KP",
    "vắng cp", "Vắng C.P"): the abbreviation with "v" in front is one of CODES."""
    words = folded.split(" ")
    if len(words) < 2 or words[0] not in ("vang", "nghi"):
        return None
    return CODES.get("v" + "".join(words[1:]))


def _reason_in_cell(value: Any) -> str | None:
    """The reason of "Vắng (ốm)", "Vắng - đi công tác", "Vắng do ốm"; None otherwise."""
    if not isinstance(value, str):
        return None
    match = _WITH_REASON.match(unicodedata.normalize("NFC", value))
    if match is None:
        return None
    reason = (match.group("a") or match.group("b") or match.group("c") or "").strip()
    return reason or None


def status_of_reason(reason: Any) -> str:
    """A "no" answer completed by its reason cell: a reason that itself says "không phép" / "không lý do" is
    absent, one that says "miễn sinh hoạt" exempt, any other reason excused, no reason absent."""
    if is_blank(reason):
        return "absent"
    padded = f" {fold(reason)} "
    if any(f" {wording} " in padded for wording in ABSENT_PHRASES):
        return "absent"
    if any(f" {wording} " in padded for wording in EXEMPT_PHRASES) or fold(reason) in ("ms", "mien"):
        return EXEMPT
    return "excused"


def is_reason_header(label: Any) -> bool:
    """A column giving the reason of an absence ('Lý do vắng', 'Lý do', 'Nguyên nhân vắng', 'Reason')."""
    folded = f" {fold(label)} "
    return " ly do " in folded or " li do " in folded or " nguyen nhan " in folded or " reason " in folded


FLAG_LENGTH = 3
FLAG_SHARE = 0.9


def is_flag_column(values) -> bool:
    """A column marked with a tick where its heading's status applies ('x' under 'Có mặt'), as opposed to one
    answering yes/no ('Có' / 'Không') or giving free-text reasons: nine in ten filled cells a short mark (a stray
    signature may sit in the column), and no "Không"."""
    filled = [str(value).strip() for value in values if not is_blank(value)]
    if not filled or any(fold(text) in NO_WORDS for text in filled):
        return False
    return sum(len(text) <= FLAG_LENGTH for text in filled) >= FLAG_SHARE * len(filled)


def is_yes_header(label: Any) -> bool:
    """A column heading that asks "present?" ('Có mặt', 'Dự họp', 'Tham dự')."""
    return fold(label) in YES_WORDS


REASON_RULE_WORDS = ("ghi ly do", "neu co ly do", "co ly do thi", "khong co ly do la", "khong ly do la")


def notes_explain_reasons(notes: list[str], reason_header: str | None = None) -> bool:
    """True when a note line of the file tells how reasons decide the status ("vắng không ghi lý do là vắng
    không phép", "vắng có lý do thì ghi lý do trong ngoặc đơn"), the reason named as such or by the header of its
    column ("có ghi Reason = vắng có phép"); a marks legend ("P - vắng có lý do") does not."""
    header = fold(reason_header) if reason_header else ""
    wordings = REASON_RULE_WORDS + (tuple(wording.replace("ly do", header) for wording in REASON_RULE_WORDS)
                                    if header and "ly do" not in header else ())
    return any(f" {wording} " in f" {fold(note)} " for note in notes for wording in wordings)


NOTE_PREFIXES = ("ghi chu", "chu thich", "luu y", "chu y", "quy uoc", "cach ghi")
NOTE_SCAN_ROWS = 60


def find_notes(rows: list[list[Any]]) -> list[str]:
    """Note lines ("Ghi chú: …", "Lưu ý: …", "Cách ghi: …") among the first and last rows of a sheet, and lines
    stating when an arrival is late ("Sinh hoạt bắt đầu 19h30; đến sau 19h30 là đi muộn") without such a prefix."""
    edge = rows[:NOTE_SCAN_ROWS] + rows[max(NOTE_SCAN_ROWS, len(rows) - NOTE_SCAN_ROWS):]
    return [cell for row in edge for cell in row
            if isinstance(cell, str) and len(cell) < 500
            and (fold(cell).startswith(NOTE_PREFIXES) or is_rule_line(cell))]
