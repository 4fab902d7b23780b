"""Official documents built from the dashboard's figures: the activity report, the roster of groups and the
attendance register. Each returns an `OfficialDocument` that the HTML page, .xlsx and .ods writers render.

Their text is the administrative form itself, so it stays Vietnamese whatever the interface language."""

from flask_login import current_user

from ..meetings.rates import Counts
from ..models.meetings import REGISTER_LETTERS, AttendanceStatus
from ..paperwork.cell_evidence import cell_evidence
from ..paperwork.document import DocSection, DocTable, OfficialDocument, letterhead, recipients, signature
from ..template_helpers import label
from ..unit_labels import group_label, unit_label
from ..units.identity import identity_for
from .figures.attendance import attendance_cube, register_mark
from .figures.dashboard import Dashboard
from .figures.members import assigned_units, members_in_view
from .filters import Filters

ROMAN = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]

def register_legend() -> str:
    """The register's note of marks, from the same letters the cells are written with (MS, miễn sinh hoạt, too)."""
    marks = "; ".join(f"{letter}: {label(AttendanceStatus(name)).lower()}" for name, letter in REGISTER_LETTERS.items())
    return f"Ghi chú: {marks}"


def roman(number: int) -> str:
    """Roman numeral for sub-header rows: 4 → 'IV'."""
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",") + " %"


def _results(dash: Dashboard) -> DocSection:
    f, total = dash.filters, dash.total
    attended = sum(fig.meetings_attended for fig in dash.members)
    text = (f"Trong {f.label()}, {len(dash.groups)} Đoàn công tác với {len(dash.members)} thành viên đã theo dõi, "
            f"chỉ đạo các tổ chức cơ sở đảng được phân công. Tổng số lượt thành viên phải dự sinh hoạt tại nơi "
            f"được phân công phụ trách: {total.expected}; có mặt {total.present}, đi muộn {total.late}, "
            f"vắng có phép {total.excused}, vắng không phép {total.absent}; tỷ lệ dự đạt {percent_text(total.rate)}.")
    opinions = sum(fig.opinions for fig in dash.members)
    paragraphs = [text, f"Các thành viên đã dự {attended} lượt cuộc họp, hội nghị, giao ban và sinh hoạt chi bộ; "
                        f"có {opinions} lượt ý kiến phát biểu tại các hội nghị, giao ban."]
    return DocSection("I. KẾT QUẢ ĐẠT ĐƯỢC", paragraphs=paragraphs)


def _shortcomings(dash: Dashboard) -> DocSection:
    f = dash.filters
    items = []
    if dash.flagged:
        names = "; ".join(f"{fig.member.name} – {group_label(fig.member.group_id)}: "
                          f"{percent_text(fig.attendance.rate)}" for fig in dash.flagged)
        items.append(f"{len(dash.flagged)} thành viên hoạt động chưa đều (tỷ lệ dự dưới {f.threshold} % hoặc "
                     f"không có hoạt động): {names}.")
    enterprise, others = dash.uncovered
    if enterprise or others:
        items.append(
            f"{len(enterprise) + len(others)} tổ chức đảng chưa có thành viên phụ trách"
            + (f", trong đó khối doanh nghiệp: {'; '.join(unit_label(u) for u in enterprise)}" if enterprise else "")
            + "."
        )
    enterprise, others = dash.unattended
    if enterprise or others:
        items.append(
            f"{len(enterprise) + len(others)} chi bộ không có thành viên Đoàn dự sinh hoạt trong "
            f"{f.gap_months} tháng gần nhất"
            + (f"; khối doanh nghiệp: {'; '.join(unit_label(c.unit) for c in enterprise)}" if enterprise else "")
            + "."
        )
    if dash.low_units:
        items.append("Đơn vị thực hiện chỉ tiêu phát triển đạt thấp: " + "; ".join(
            f"{unit_label(u.unit)}: {percent_text(u.average)}" for u in dash.low_units) + ".")
    return DocSection("II. TỒN TẠI, HẠN CHẾ", items=items or ["Không có tồn tại nổi bật theo số liệu theo dõi."])


def _per_group(dash: Dashboard) -> DocSection:
    headers = ["STT", "Đoàn công tác", "Số thành viên", "Lượt phải dự", "Có mặt", "Đi muộn", "Vắng có phép",
               "Vắng không phép", "Tỷ lệ dự", "Cuộc họp đã dự", "Lượt ý kiến", "Thành viên chưa đều"]
    rows = [[i, group_label(g.group), g.members, g.attendance.expected, g.attendance.present, g.attendance.late,
             g.attendance.excused, g.attendance.absent, percent_text(g.attendance.rate), g.meetings_attended,
             g.opinions, g.flagged] for i, g in enumerate(dash.groups, start=1)]
    table = DocTable(headers, rows, widths=[6, 28, 10, 10, 9, 9, 10, 10, 10, 10, 9, 11])
    return DocSection("III. SỐ LIỆU THEO TỪNG ĐOÀN CÔNG TÁC", table=table)


def _open_items(dash: Dashboard) -> DocSection:
    items = [f"Phân công thành viên phụ trách {unit_label(u)}." for u in dash.uncovered[0] + dash.uncovered[1]]
    items += [f"Bố trí thành viên dự sinh hoạt tại {unit_label(c.unit)}."
              for c in dash.unattended[0] + dash.unattended[1]]
    return DocSection("IV. CÁC VIỆC CÒN TỒN ĐỌNG", items=items or ["Không có việc tồn đọng."])


def activity_report(dash: Dashboard) -> OfficialDocument:
    """BÁO CÁO KẾT QUẢ HOẠT ĐỘNG CỦA CÁC ĐOÀN CÔNG TÁC for the dashboard's period."""
    who = identity_for()
    org, place_date = letterhead(who)
    return OfficialDocument(
        org_lines=org, place_date=place_date,
        title=f"BÁO CÁO KẾT QUẢ HOẠT ĐỘNG CỦA CÁC ĐOÀN CÔNG TÁC CỦA {who.standing_board.upper()} "
              "TẠI CÁC ĐẢNG BỘ, CHI BỘ CƠ SỞ",
        subtitle=dash.filters.label().capitalize(),
        sections=[_results(dash), _shortcomings(dash), _per_group(dash), _open_items(dash),
                  cell_evidence(current_user, dash.filters.start, dash.filters.as_of, dash.filters.unit_path)],
        signature=signature(who), recipients=recipients(who), landscape=False,
        number_line=f"Số:       -BC/{who.symbol}",
    )


def roster(f: Filters) -> OfficialDocument:
    """DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC: groups with their members by role and the units they follow."""
    members, units = members_in_view(f), assigned_units(f)
    rows, group_rows, current, number, index = [], set(), None, 0, 0
    for m in members:
        if m.group_id != current:
            current, number, index = m.group_id, number + 1, 0
            group_rows.add(len(rows))
            rows.append([f"{roman(number)}. {group_label(m.group_id).upper()}"])
        index += 1
        rows.append([index, m.name, m.position or "", label(m.role), "; ".join(units.get(m.key, [])), m.phone or ""])
    who = identity_for()
    org, place_date = letterhead(who)
    table = DocTable(["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ trong Đoàn", "Đơn vị phụ trách", "Điện thoại"],
                     rows, widths=[6, 26, 34, 16, 34, 14], group_rows=group_rows)
    return OfficialDocument(
        org,
        place_date,
        f"DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC CỦA {who.standing_board.upper()}",
        f"({f.label().capitalize()})",
        [DocSection("", table=table)],
        signature(who),
        recipients(who),
        landscape=True,
        number_line="",
    )


def attendance_register(f: Filters) -> OfficialDocument:
    """SỔ THEO DÕI DỰ SINH HOẠT: persons × months in the paper layout, with the legend of marks."""
    members, cube = members_in_view(f), attendance_cube(f)
    months = f.months
    per_member: dict = {}
    for (group_id, person_id, month), rate in cube.items():
        per_member.setdefault((group_id, person_id), {})[month] = rate
    rows, group_rows, current, number, index = [], set(), None, 0, 0
    for m in members:
        if m.group_id != current:
            current, number, index = m.group_id, number + 1, 0
            group_rows.add(len(rows))
            rows.append([f"{roman(number)}. {group_label(m.group_id).upper()}"])
        index += 1
        marks = per_member.get(m.key, {})
        total = Counts()
        for rate in marks.values():
            total.add(rate)
        rows.append([index, m.name, label(m.role)] + [register_mark(marks.get(k)) for k in months]
                    + [percent_text(total.rate)])
    headers = ["STT", "Họ và tên", "Nhiệm vụ"] + [f"T{int(k[5:])}/{k[:4]}" for k in months] + ["Tỷ lệ"]
    who = identity_for()
    org, place_date = letterhead(who)
    table = DocTable(headers, rows, widths=[6, 26, 13] + [7] * len(months) + [9], group_rows=group_rows)
    return OfficialDocument(
        org,
        place_date,
        "SỔ THEO DÕI THÀNH VIÊN ĐOÀN CÔNG TÁC DỰ SINH HOẠT TẠI CƠ SỞ",
        f"({f.label().capitalize()})",
        [DocSection("", table=table)],
        signature(who),
        recipients(who),
        legend=register_legend(),
        landscape=True,
        number_line="",
    )
