"""A round's results as one official document (members, then groups): printed, downloaded as .xlsx, .docx and,
where LibreOffice is installed, .odt and PDF. Its text is the administrative form, so it stays Vietnamese."""
from ..models import AssessmentRound
from ..paperwork.document import DocSection, DocTable, OfficialDocument, letterhead, recipients, signature
from ..template_helpers import label
from ..units.identity import identity_for
from .queries import assessments_in, group_assessments_in

MEMBER_HEADERS = ["STT", "Họ và tên", "Đoàn công tác", "Gợi ý từ số liệu", "Tự đánh giá", "Trưởng đoàn đề xuất",
                  "Quyết định xếp loại"]
GROUP_HEADERS = ["STT", "Đoàn công tác", "Dự sinh hoạt theo nghĩa vụ", "Đi cơ sở", "Báo cáo của Đoàn đúng hạn",
                 "Gợi ý từ số liệu", "Trưởng đoàn tự đánh giá", "Quyết định xếp loại"]


def _level(value) -> str:
    return label(value) if value else ""


def _share(part, whole, rate) -> str:
    return f"{part}/{whole}" + (f" ({rate}%)" if rate is not None else "")


def member_rows(user, round_: AssessmentRound) -> list[list]:
    return [[index, a.person.full_name, a.group.name, _level(a.suggested_level), _level(a.self_level),
             _level(a.proposed_level), _level(a.decided_level)]
            for index, a in enumerate(assessments_in(user, round_), start=1)]


def group_rows(user, round_: AssessmentRound) -> list[list]:
    rows = []
    for index, g in enumerate(group_assessments_in(user, round_), start=1):
        fig = g.figures
        rows.append([index, g.group.name,
                     _share(fig["attendance_met"], fig["attendance_required"], fig["attendance_rate"]),
                     fig["visits"],
                     _share(fig["group_reports_on_time"], fig["group_reports_due"], fig["group_reports_on_time_rate"]),
                     _level(g.suggested_level), _level(g.self_level), _level(g.decided_level)])
    return rows


def results_document(user, round_: AssessmentRound) -> OfficialDocument:
    who = identity_for(round_.scope_unit)
    org, place_date = letterhead(who)
    sections = [DocSection("I. CÁ NHÂN", table=DocTable(MEMBER_HEADERS, member_rows(user, round_))),
                DocSection("II. TẬP THỂ CÁC ĐOÀN CÔNG TÁC", table=DocTable(GROUP_HEADERS, group_rows(user, round_)))]
    return OfficialDocument(org, place_date, "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI", round_.name, sections, signature(who),
                            recipients(who), landscape=True)
