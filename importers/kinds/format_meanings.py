"""A cell's formatting read through the sheet's format legend (``importers.format_legends``): a roster with no role
column whose head is filled yellow, set in bold or written in red ("Ô tô màu vàng là Trưởng đoàn …"), a register
whose mark cells' fill or coloured "x" says the status ("Ô nền đỏ: vắng không phép; nền vàng: vắng có phép").

The formats are the file's (``importers.cell_fonts.read_cell_formats``: .xlsx, .xls and .ods); a role column the table
has wins over a format, and a format saying another role is warned. Never silently wrong: a legend about formats in
a file that keeps none (CSV) or whose formats are not read (ODS), a colour the legend does not define, a legend
none of whose formats any cell shows, a cell matching two meanings — each is warned (or the cell refused) naming
the sheet and cells, never guessed. Under a legend of swatches (``importers.swatch_legends``) a mark cell is read by its
(mark, fill) pair instead, the swatches' own fills compared (``read_swatch_meanings``)."""

from dataclasses import dataclass, field

from ..cell_fonts import CellFormat
from ..colour_names import matches, plain_fill, same_fill
from ..format_legends import BOLD, COLOUR, FILL, FONT, ITALIC, UNDERLINE, FormatLegend
from ..legacy import decode_legacy
from ..mapping import column_letter
from ..normalising import fold, mark_key
from ..not_due_marks import not_due_warning
from ..swatch_legends import BLANK, NOT_DUE, describe_fill, swatch_fills

ROLE_WORDS = {"head": "trưởng đoàn", "deputy": "phó trưởng đoàn", "member": "thành viên"}
STATUS_WORDS = {"present": "có mặt", "excused": "vắng có phép", "absent": "vắng không phép", "late": "đến muộn",
                "exempt": "miễn sinh hoạt"}
FIELD_WORDS = {"role": ("nhiệm vụ", "hãy thêm cột Nhiệm vụ"),
               "status": ("tình trạng điểm danh", "hãy ghi ký hiệu điểm danh vào ô")}
UNREAD_FORMATS = ("ghi chú «{legend}» nói {what} được {how}, nhưng {why} — {fix}; các ô chưa được đọc theo "
                  "định dạng")
CSV_WHY = "tệp CSV không giữ màu, chữ đậm hay chữ nghiêng"
OTHER_WHY = "định dạng ô của tệp này không đọc được (chỉ đọc ở tệp .xlsx, .xls và .ods)"


@dataclass
class Meanings:
    """Per cell, the meaning its format has (None for none), and the cells refused for two meanings."""

    values: list
    doubtful: set = field(default_factory=set)  # positions matching two meanings
    marked: set = field(default_factory=set)  # positions whose meaning is their text's colour ("x màu đỏ")
    decided: bool = False  # the meanings are the (mark, fill) pairs of a legend of swatches: they win over the marks


def _refs(cells: list[tuple[int, int]]) -> str:
    shown = ", ".join(f"{column_letter(col)}{row}" for row, col in cells[:5])
    return shown + (f"… ({len(cells)} ô)" if len(cells) > 5 else "")


def _formats_or_warning(context, field_name: str, **words) -> dict | None:
    """The sheet's cell formats, or None with the warning that a legend speaks of formats the file does not keep."""
    read = getattr(context, "read_formats", None)
    formats = read() if read is not None else None
    if formats is None:
        why = CSV_WHY if getattr(context, "file_format", None) == "csv" else OTHER_WHY
        context.issues.warning(None, None, field_name, None, UNREAD_FORMATS.format(why=why, **words))
    return formats


def reads_formats(field_name: str, legend: FormatLegend | None, context) -> bool:
    """Whether the cells' formats can mean anything for `field_name` (a legend of swatches for the status, or a
    format legend giving the field a meaning): callers build their per-cell list only then (a million marks)."""
    if field_name == "status" and getattr(context, "swatches", None):
        return True
    return legend is not None and field_name in legend.fields()


def read_meanings(cells: list[tuple[int, int, object]], field_name: str, legend: FormatLegend | None, context) \
        -> Meanings | None:
    """The meaning each cell's format has, for (Excel row, column index, value as read) cells; None when the
    sheet's legend gives no format of `field_name` a meaning or the formats cannot be read (warned)."""
    if not cells or not reads_formats(field_name, legend, context):
        return None
    swatches = getattr(context, "swatches", None)
    if swatches and field_name == "status":
        return read_swatch_meanings(cells, swatches, context)
    issues = context.issues
    rules = [rule for rule in legend.rules if rule.field == field_name]
    what, fix = FIELD_WORDS[field_name]
    formats = _formats_or_warning(context, field_name, legend=_short(legend.text), what=what,
                                  how=legend.speaks_of(), fix=fix)
    if formats is None:
        return None
    values, doubtful, marked, moved, undefined, used = [], set(), set(), [], {}, set()
    for position, row, col, value, shown in _in_place(cells, formats, values, moved):
        found = _matching(shown, rules) if shown is not None else []
        used.update(found)
        for names in (shown.fill, shown.font) if shown is not None else ():
            # a colour near a border has two names (gold: vàng, cam): defined when the legend has either
            if names and not any(rule.colour and matches(rule.colour, names) for rule in legend.rules):
                undefined.setdefault(" hoặc ".join(sorted(names)), []).append((row, col))
        meanings = {rule.value for rule in found}
        if any(rule.where == FONT or (rule.where == COLOUR and matches(rule.colour, shown.font)) for rule in found):
            marked.add(position)
        if len(meanings) > 1:
            doubtful.add(position)
            issues.error(row, column_letter(col), field_name, value, (
                "định dạng ô hợp với nhiều nghĩa trong ghi chú ("
                + ", ".join(sorted(f"«{rule.text}»" for rule in found)) + ") — không đoán, hãy sửa trong bảng"))
        values.append(meanings.pop() if len(meanings) == 1 else None)
    for name, where in undefined.items():
        issues.warning(where[0][0], column_letter(where[0][1]), field_name, None,
                       f"màu «{name}» ở {_refs(where)} không có trong ghi chú «{_short(legend.text)}» — "
                       f"các ô này không được đọc theo màu, hãy kiểm tra {what}")
    _warn_moved(issues, moved, field_name, "định dạng",
                f"{what} của các ô này không lấy theo ghi chú «{_short(legend.text)}»")
    if not used:
        issues.warning(None, None, field_name, None,
                       f"ghi chú «{_short(legend.text)}» nói {what} được {legend.speaks_of()}, nhưng không ô "
                       f"nào có định dạng như ghi chú — các ô chưa được đọc theo định dạng; {fix}")
    return Meanings(values, doubtful, marked)


def read_swatch_meanings(cells: list[tuple[int, int, object]], swatches: list, context) -> Meanings | None:
    """The status of each mark cell's (mark, fill) pair under a legend of swatches (``importers.swatch_legends``):
    NOT_DUE for a pair saying the person was not due (warned with its cells); a mark the swatches name on a fill
    they do not list is refused naming the cell; None for the cells the swatches say nothing of (other marks,
    blank cells with no fill). None when the formats cannot be read (warned: the marks of two meanings are refused
    by the marks table)."""
    issues = context.issues
    text = _short(" | ".join(dict.fromkeys(swatch.text for swatch in swatches)))
    formats = _formats_or_warning(context, "status", legend=text, what="tình trạng điểm danh", how="tô màu",
                                  fix="các ký hiệu có nghĩa tùy màu ô không được nhập, hãy ghi ký hiệu riêng cho "
                                      "từng nghĩa")
    if formats is None:
        return None
    marks = {swatch.mark for swatch in swatches}
    swatches, problems = swatch_fills(swatches, formats)
    for problem in problems:
        issues.warning(None, None, "status", None, problem)
    values, doubtful, moved, not_due, stray, coloured = [], set(), [], {}, [], False
    for position, row, col, value, shown in _in_place(cells, formats, values, moved):
        blank = value is None or value != value or (isinstance(value, str) and not value.strip())
        mark = BLANK if blank else mark_key(value)
        if mark not in marks:
            values.append(None)
            continue
        fill = plain_fill(shown.fill_rgb) if shown is not None else None
        found = {swatch.meaning for swatch in swatches if swatch.mark == mark and same_fill(swatch.fill, fill)}
        coloured = coloured or (bool(found) and fill is not None)
        if len(found) == 1:
            meaning = found.pop()
            if meaning == NOT_DUE:
                swatch = next(swatch for swatch in swatches if swatch.meaning == NOT_DUE and swatch.mark == mark
                              and same_fill(swatch.fill, fill))
                shown_mark = str(value).strip() if not blank else \
                    f"ô trống tô màu như ô mẫu {column_letter(swatch.col)}{swatch.row + 1}"
                not_due.setdefault((shown_mark, swatch.text), []).append(f"{column_letter(col)}{row}")
            values.append(meaning)
            continue
        values.append(None)
        if blank:
            if fill is not None:
                stray.append((row, col))
            continue
        doubtful.add(position)
        issues.error(row, column_letter(col), "status", value, (
            f"ký hiệu «{str(value).strip()}» trên ô {describe_fill(fill)} "
            + ("hợp với nhiều nghĩa" if found else "không có trong")
            + f" chú thích màu «{text}» — không đoán, hãy sửa ký hiệu hoặc màu ô"))
    for (shown_mark, meaning), where in not_due.items():
        issues.warning(None, where[0].rstrip("0123456789"), "status", None,
                       not_due_warning(shown_mark, meaning, where))
    if stray:
        issues.warning(stray[0][0], column_letter(stray[0][1]), "status", None,
                       f"ô trống tô màu ở {_refs(stray)} không có trong chú thích màu «{text}» — không nhập, "
                       f"hãy kiểm tra")
    _warn_moved(issues, moved, "status", "màu",
                f"tình trạng điểm danh của các ô này không lấy theo chú thích màu «{text}»")
    if not coloured:
        issues.warning(None, None, "status", None,
                       f"chú thích màu «{text}» nói tình trạng điểm danh theo màu ô, nhưng không ô điểm danh nào "
                       f"có màu như ô mẫu — hãy kiểm tra")
    return Meanings(values, doubtful, decided=True)


def _in_place(cells: list[tuple[int, int, object]], formats: dict, values: list, moved: list):
    """(position, Excel row, column, value, format) of each cell whose format is its own; a cell a rewrite of the
    rows moved (its format holds another value) is added to `moved`, with no meaning in `values`."""
    for position, (row, col, value) in enumerate(cells):
        shown = formats.get((row - 1, col))
        if shown is not None and not same_value(shown.value, value):
            moved.append((row, col))
            values.append(None)
            continue
        yield position, row, col, value, shown


def _warn_moved(issues, moved: list, field_name: str, what: str, outcome: str) -> None:
    """One warning naming the cells whose format could not be read because the rows were rewritten."""
    if moved:
        issues.warning(moved[0][0], column_letter(moved[0][1]), field_name, None,
                       f"không đọc được {what} của {_refs(moved)} (bảng đã được sắp xếp lại khi đọc) — {outcome}")


def _short(text: str) -> str:
    return text if len(text) <= 160 else text[:157] + "…"


def same_value(held, value) -> bool:
    """Whether the file's cell value is the value read at the same place (a rewrite may have moved cells)."""
    if held is None or (isinstance(held, str) and not held.strip()):
        return value is None or (isinstance(value, str) and not value.strip()) or value != value
    if isinstance(held, (int, float)) and not isinstance(held, bool):
        try:
            return float(value) == float(held)
        except (TypeError, ValueError):
            return False
    if isinstance(held, str) and isinstance(value, str):
        return held.strip() == value.strip() or fold(held) == fold(value) \
            or any(decode_legacy(held, encoding).strip() == value.strip() for encoding in ("tcvn3", "vni"))
    return True  # dates and the like: read by other readers into other types, the place is trusted


def _matching(shown: CellFormat, rules) -> list:
    found = []
    for rule in rules:
        if rule.where == BOLD:
            hit = shown.bold
        elif rule.where == ITALIC:
            hit = shown.italic
        elif rule.where == UNDERLINE:
            hit = shown.underline
        elif rule.where == FILL:
            hit = matches(rule.colour, shown.fill)
        elif rule.where == FONT:
            hit = matches(rule.colour, shown.font)
        elif rule.where == COLOUR:
            hit = matches(rule.colour, shown.fill) or matches(rule.colour, shown.font)
        else:
            hit = False
        if hit:
            found.append(rule)
    return found


def roles_by_format(roles, frame, by_field: dict, columns, context, failed, groups=None, noted=None):
    """The roster's roles with the format legend applied: without a role column, a row's name cell (else its other
    cells, when they agree) gives the role its format means, the others the legend's rest ('còn lại là thành
    viên') or member; with one, the column stands and a format saying another role is warned.

    `noted` (``kinds.note_values.NoteRoles``, without a role column only) are the roles the notes state: a note's
    role stands beside the formats' ("in đậm là Trưởng đoàn; Phó đoàn được ghi ở cột Ghi chú"), and a note and a
    format saying two roles refuse the row, naming both cells."""
    legend = getattr(context, "format_legend", None)
    name = by_field.get("full_name")
    if legend is None or name is None or "role" not in legend.fields():
        return _with_notes(roles, noted)
    rows = list(frame.index)
    cells = [(int(row), name.index, frame.at[row, name.index]) for row in rows]
    meanings = read_meanings(cells, "role", legend, context)
    if meanings is None:
        return _with_notes(roles, noted)
    values = list(meanings.values)
    blank_named = [position for position, value in enumerate(values) if value is None]
    if blank_named:  # a whole row filled: the name cell's own format may be plain, its row's is not
        others = [column.index for column in columns if column.index != name.index and column.index >= 0
                  and column.field]
        for position in blank_named:
            if position in meanings.doubtful:
                continue
            row = rows[position]
            found = _row_meanings(row, others, frame, legend, context)
            if found and None not in found and len(set(found)) == 1:  # every written cell of the row says it
                values[position] = found[0]
    explicit = "role" in by_field
    result = roles.copy()
    for position, row in enumerate(rows):
        if position in meanings.doubtful:
            failed[row] = True
            continue
        value = values[position]
        if explicit:
            stated = roles[row]
            if value and stated and stated != value:
                letter = by_field["role"].letter or column_letter(name.index)
                context.issues.warning(int(row), letter, "role", stated, (
                    f"cột nhiệm vụ ghi «{ROLE_WORDS.get(stated, stated)}» nhưng định dạng ô {column_letter(name.index)}"
                    f"{int(row)} theo ghi chú là «{ROLE_WORDS.get(value, value)}» — giữ theo cột, hãy kiểm tra"))
            continue
        note = noted.stated.get(row) if noted is not None else None
        if note and value and note != value:
            failed[row] = True
            context.issues.error(int(row), column_letter(name.index), "role", frame.at[row, name.index], (
                f"ghi chú {noted.cell(int(row))} ghi «{ROLE_WORDS[note]}» nhưng định dạng ô {column_letter(name.index)}"
                f"{int(row)} theo ghi chú «{_short(legend.text)}» là «{ROLE_WORDS.get(value, value)}» — không đoán, "
                f"hãy sửa một trong hai"))
            continue
        result[row] = note or value or legend.rest.get("role") or "member"
    _several_heads(result, groups, values, rows, name, context)
    return result


def _with_notes(roles, noted):
    """The roles with those the notes state in place of the default."""
    if noted is None:
        return roles
    return noted.stated.reindex(roles.index).where(lambda stated: stated.notna(), roles)


def _several_heads(roles, groups, values, rows, name, context) -> None:
    """A group given two heads or more by their format (every name set in bold, under "in đậm là Trưởng đoàn") is
    warned with the cells: a group has one head."""
    if groups is None:
        return
    heads = {}
    for position, row in enumerate(rows):
        if values[position] == "head" and roles[row] == "head":
            heads.setdefault(groups.get(row), []).append((int(row), name.index))
    for group, cells in heads.items():
        if len(cells) > 1:
            context.issues.warning(cells[0][0], column_letter(name.index), "role", None, (
                f"{len(cells)} người của «{group or 'đoàn'}» được đọc là trưởng đoàn theo định dạng ({_refs(cells)}) "
                f"— mỗi đoàn có một trưởng đoàn, hãy kiểm tra định dạng hoặc thêm cột Nhiệm vụ"))


def _row_meanings(row, others, frame, legend, context) -> list:
    """The meaning of each written cell's format among a row's others (None for a plain one or one meaning
    several roles), read quietly: the name cell's reading warned already."""
    read = getattr(context, "read_formats", None)
    formats = read() if read is not None else None
    if not formats:
        return []
    rules = [rule for rule in legend.rules if rule.field == "role"]
    found = []
    for col in others:
        shown = formats.get((int(row) - 1, col))
        value = frame.at[row, col] if col in frame.columns else None
        if shown is None or shown.value is None or not same_value(shown.value, value):
            continue
        meanings = {rule.value for rule in _matching(shown, rules)}
        found.append(meanings.pop() if len(meanings) == 1 else None)
    return found


def statuses_by_format(meanings: Meanings, statuses: list, marks: list, cells: list, context) -> list:
    """Each mark cell's status with its format's: a blank cell, a mark the text legend leaves out or a mark whose
    colour the legend explains ("x: có mặt; x màu đỏ: vắng") takes the format's status; a mark the text legend
    explains in a cell whose fill says otherwise refuses the cell (False, its error said). Under a legend of
    swatches the (mark, fill) pair's status wins (NOT_DUE: no record)."""
    if meanings.decided:
        return [False if position in meanings.doubtful else statuses[position] if value is None else value
                for position, value in enumerate(meanings.values)]
    legend = getattr(context, "format_legend", None)
    said = [*(getattr(context, "legend", None) or {}), *(legend.marks if legend else ())]
    explained = {mark_key(mark) for mark in said}
    out = list(statuses)
    for position, value in enumerate(meanings.values):
        if position in meanings.doubtful:
            out[position] = False
            continue
        if value is None:
            continue
        current, mark = statuses[position], marks[position]
        blank = mark is None or (isinstance(mark, str) and not mark.strip()) or mark != mark
        if blank or current is None or current == value:
            out[position] = value
            continue
        if mark_key(str(mark)) in explained and position not in meanings.marked:
            row, col, _ = cells[position]
            context.issues.error(row, column_letter(col), "status", mark, (
                f"ký hiệu «{mark}» là «{STATUS_WORDS.get(current, current)}» nhưng định "
                f"dạng ô theo ghi chú là «{STATUS_WORDS.get(value, value)}» — không đoán, hãy sửa trong bảng"))
            out[position] = False
        else:
            out[position] = value  # a bare 'x' whose meaning is its colour ("x màu đỏ: vắng")
    return out
