"""Pure spreadsheet import pipeline for doancongtac: a file in, validated records out (no Flask, no database).

Public API (stable; the webapp calls exactly this):

- ``ImportFileError`` — raised when a file cannot be imported at all; ``.message`` is Vietnamese
  (password-protected, corrupt/unknown format, too large, too many rows/cols, zip bomb, too slow, no table, a
  formula saved without its result where a record would read it: ``importers.uncached_formulas``; a helper column
  of such formulas that no record reads — a count, total, ratio or month computed from its own row, hidden or not —
  is left aside with a warning naming it: ``importers.helper_formulas``).
- ``Limits(max_bytes, max_decompressed_bytes, max_rows, max_cols, max_seconds)`` — resource limits.
- ``inspect_file(path, sheet=None, limits=None) -> {"sheets": [{"name", "visible", "rows"}]}`` — grids anchored
  at A1 with JSON-typed cells (str, int/float, bool, ISO date text, None); a broken sheet carries "error".
- ``parse_file(path, kind=None, sheet=None, mapping=None, limits=None, original_name=None) -> ParseResult``
  — kind "roster" | "attendance" | "targets" | None (auto-detect); mapping = {field: column index or letter} override
  (confirmed mappings are remembered by the webapp under ``result.signature``); original_name is accepted for
  the caller's bookkeeping only — the format is always sniffed from the content.
  ParseResult: kind, sheet (None for CSV; the list of names when several sheets are read as one table:
  ``importers.workbook_sheets``, ``importers.layout_sheets``), header_row (1-based, last header row), columns
  ([{index, letter, header, field}] via columns_as_dicts()), signature, frame (DataFrame with exactly the
  canonical columns; ISO date text; wide attendance uses categorical columns), records() (JSON-ready dicts),
  record_count, errors / warnings ([{sheet, row, column, field, value, message}]), rows (one dict per data row:
  {row, outcome: record|skipped|failed, reason, record_count}), legacy_conversions ([{cell, before, after,
  encoding}]), year (attendance, targets: the year stated in the header or title).
  Canonical roster record: full_name, birth_date, position, group, role (head|deputy|member), unit, phone.
  Canonical attendance record: full_name, date, status (present|excused|absent|late), unit.
  Group, unit and role may also come from context rows between the data rows ("ĐOÀN CÔNG TÁC SỐ 1 - Phụ trách:
  …", "1. Trưởng đoàn:", "Chi bộ Tổ dân phố …"; the wordings are the rule table in ``importers.context``), which
  hold for the rows below them; such rows are "skipped" with reason "dòng tiêu đề nhóm" / "dòng tiêu đề đơn vị"
  / "dòng tiêu đề nhiệm vụ". A field the table has no column for may also be stated once per sheet, in its tab
  name or a title or note line ("Doan 2", "Đơn vị: Chi bộ …", "Tháng 3", "Thời gian: … ngày 03/01/2025":
  ``importers.sheet_context``; one date stated on a line about the meeting, "Điểm danh sinh hoạt …, ngày 10/6/2025",
  never a place-and-date line: ``importers.meeting_lines``; "Chi bộ X - Đảng bộ Y" names the chi bộ X:
  ``importers.unit_lines``; a register's title closing on one chi bộ after its last dash, "BẢNG ĐIỂM DANH SINH HOẠT
  CHI BỘ … NĂM 2025 - Chi bộ Tổ dân phố số 11", names it: ``importers.caption_units.unit_after_dash``; a unit
  read from any line ends with its name, before the sentence or note the line goes on with, "Đơn vị: Chi bộ Tổ dân
  phố 21. Mỗi cột là …", and a unit still reading as a sentence is warned: ``importers.unit_ends``);
  status-flag columns "Có mặt | Vắng" holding the legend's marks read each mark through
  the legend, a tick by its column (``importers.flag_marks``); marks typed on a phone ("✅", "❌", "✔️") read as any
  mark, through a legend whose items may be set apart by wide gaps or lines only ("✅ có mặt    ❌ vắng không phép"),
  a variation selector aside; a check mark is a tick, a cross means what the legend says (``importers.legends``,
  ``importers.ticks``); a legend spread over the cells of one row (a ';' CSV splits it at its own ';') is joined
  back and read whole, its row never a person's (``importers.legend_rows``), and so is a legend laid out as a table
  of cells under its label ("Ký hiệu:", then a mark and its meaning a row), its rows skipped as the legend
  (``importers.legend_tables``); a mark a legend gives two meanings ("v - vắng có lý do (ô tô vàng); v - vắng không
  lý do (ô tô đỏ)") is refused cell by cell, never guessed (``importers.mark_doubts``); a transposed register (names
  across the top) is turned round first (``importers.transposed``; its records come in the file's reading order, meeting
  by meeting; dates may be worded, "ngày 4 tháng 2 năm 2025", "Thứ Năm, 06/03/2025"). Meeting
  headers "Lần 1" over day/month cells "04/01", "(10/01)", "ngày 10/01" take the year the title states (a year
  merged over them first: "Năm 2024" over "12/9" … "12/12", "Năm 2025" over "9/1" …: ``importers.header_years``); so do
  sub-headers "Lần 1 (06/01)", "Buổi 2 - 20/01" under a month (they make the sheet a register), while "Lần 1",
  "Lần 2" under each month with no date refuse the file (``importers.date_words``). A note merged across a person's
  meeting cells ("Chưa kết nạp") is no mark (``importers.kinds.merged_notes``); the late mark with the minutes
  late ("M15", "M30'") is late, and month cells holding the day of that month's meeting ("5", "12P") date each
  record that day, when a legend line says so or, with a warning, when every cell is so written; numbers a legend
  explains as codes stay codes (``importers.number_marks``, ``importers.kinds.day_marks``); bare month numbers
  under a merged "Năm 2025" are that year's months (``importers.month_numbers``), also with a row of quarters or
  half-years between ("Quý I" over 1 | 2 | 3 only, a "Cộng" column after each: ``importers.quarter_rows``), and
  dated by a row of meeting days under them ("Tháng" over 1 | 2 over "07" | "04", a "Cộng" block beside: a month
  left without its day refuses the file, ``importers.month_day_rows``); a row of days under month labels, however
  worded ("Tháng 1 | Tháng 2" or "T1", "Th1", "Tháng 1/2026" over "ngày 05", "ng. 05", "(5)", "5/1", "SH ngày
  03"), is header and dates each month that day; a day the month lacks, a day/month of another month, a blank day
  over marks refuse the file naming the cell (``importers.day_texts``). Month labels under quarters under a year
  ("Năm 2026" over "Quý I" | "Quý II" over "T1" … "T6") take the year written nearest over them on any header row,
  each its own ("Năm 2025" | "Năm 2026"); the quarters are checks only ("Quý II" over "T1" refuses the file naming
  the cell: ``importers.header_periods``). Wide tables
  stacked by period ("I. SÁU THÁNG ĐẦU NĂM" T1–T6, then a header of its own T7–T12), or one per chi bộ each with
  its own meeting days ("07/07 | 05/08" under "1. Chi bộ …", "11/07 | 14/08" under "2. Chi bộ …"), are rewritten as
  one wide table, each later table's cells moved to its own months or days, its unit line kept over its rows
  (``importers.period_tables``). Ditto marks ("nt", "-nt-", "như
  trên", '"', "〃") in a text column or a long register's date column repeat the value above, said in one warning
  (``importers.ditto_marks``). Period lines between a long register's rows ("Tháng 7/2025", "THÁNG 8", "Quý III") are
  context rows, never the header: they date the rows below when no column does, a date outside its line's period is
  warned about, and a ditto date never crosses one (``importers.period_dividers``). A totals line closing one block
  ("Cộng", "Tổng", "Cộng chi bộ …", whatever its formulas) ends the block, not the table, when a unit, group or period
  line opens the next; the totals line of an Excel table (or a hand-made one) labelled in the table's first column,
  whatever that column holds ("Tổng số lượt" in the date column, "Total" in STT, "Cộng" in the unit column) over a
  count, a formula's text or nothing where the names go ("=SUBTOTAL(103,[Họ và tên])"), is that totals line, never a
  record or an error; only totals words make one, never a date, a unit or a position such as "Cộng tác viên"
  (``importers.kinds.subtotals.labelled_totals_rows``); "Không có đảng viên vắng mặt" under a block is a note, not a
  person (``importers.kinds.nobody_lines``); a mark with its reason after a separator ("P - ốm", "P: ốm", "P/ốm") is the
  mark's status, refused when the reason names another (``importers.mark_reasons``). A
  register kept one block per
  session ("II. Phiên giao ban Thứ Hai, ngày 09/06/2025", its people, "Cộng: N đồng chí") gets a date column from
  the block rows before the table is looked for (``importers.date_blocks``); so does one table per meeting (the
  date caption over each block, the header repeated under it); when every caption names its chi bộ ("… - Chi bộ
  Thôn 3", "… tại …", or a line under it) and no column does, a unit column too (``importers.caption_units``). A
  register kept one block per person whose name, merged down in the workbook, is on the block's first row only
  (CSV) has it carried down when nothing says the blank names are missing, said in one warning
  (``importers.name_blocks``); so is a meeting's date on its first row only, when the blanks read as a lost merge
  and nothing else (``importers.kinds.merged_dates``); ODS merges are read as xlsx ones (``importers.ods_merges``).
  Tables set side by side, or in a grid of rows of
  blocks, each titled by its unit or by its group and unit ("ĐOÀN CÔNG TÁC SỐ 2" over "Phụ trách: …"), are
  rewritten as one table with those columns (``importers.side_blocks``, registers and rosters); tables stacked
  one under another take the facts of their title lines (``importers.stacked_blocks``); a second table under the
  first one's total, with the same header and a caption saying it adds to the list ("DANH SÁCH BỔ SUNG …"), is
  read too (``importers.supplement_lists``). Titles before names ("Đ/c",
  "Đồng chí") are dropped (``importers.honorifics``). Longer header wordings are read word for word
  (``importers.header_words``): a job with its workplace ("Chức vụ, đơn vị", "Chức vụ/Đơn vị") is the position, not
  two stacked fields; the member who attended ("Đồng chí dự", "Người dự") a register's name; a place word beside the
  cell ("Buôn/Chi bộ", "Chi bộ/Thôn") a register's unit. 'CB' for chi bộ ("CB theo dõi", "Tên CB") names the unit
  column when its values are no people's names, a cán bộ's otherwise (``importers.kinds.short_unit_header``); unit
  values written short ("TDP 14") are written out through the note that spells them ("TDP n = Chi bộ Tổ dân phố
  n", "KP - khu phố": ``importers.unit_abbreviations``).
  Canonical targets record: unit (its column, else the sub-header row above such as "I. ĐẢNG BỘ PHƯỜNG …",
  numbering removed), year (int: a "Năm" column, else the title's "năm YYYY"), indicator, measure_unit,
  target (float > 0), actual (float >= 0 or None), measured_on (ISO date or None), note. Numbers typed as text
  are read Vietnamese style: "1.250" -> 1250.0, "12,5" -> 12.5, "95%" -> 95.0 (`normalising.normalise_number`).
- ``parse_file(..., today=None)`` — `today` (a date from the caller's clock; the importers never read the system
  clock) is the reference day of the plausibility checks (``importers.plausibility``): warnings in
  ``result.warnings``, ordered by severity and aggregated (one line for many cells, with the count and the first
  cells), of records a right reading would not give — names of one word or holding roles, brackets, digits or
  honorifics, birth dates before 1920 or under 18, meeting dates outside the sheet's year or after today, or going
  back from one column to the next under their year labels or a school-year title, phones
  not of 10 digits, columns with data no field reads, role and mark values not understood, one person twice,
  one value everywhere. Without `today`, birth dates are measured against the file's stated year only.
  Stages mark columns they read into another (split, joined, status flags) in ``Table.consumed``.
- Roster column families (``importers.kinds.roster_columns``, read after the rows are split): a name split over 2-3
  columns ("Họ | Đệm | Tên", "Họ và tên đệm | Tên", southern "Họ và chữ lót | Tên", or unnamed columns told by their
  values) is joined, in attendance registers too, and a name column of given names only is warned about; "Ngày | Tháng |
  Năm" birth columns make one date (an impossible one refuses the row, naming the three cells); a role written in the
  name cell ("… (Trưởng đoàn)", "… - PTĐ") or after the position ("… / Phó Trưởng Đoàn") is cut off into the role (a
  role column that disagrees refuses the row); one text holding group and role ("Phó trưởng đoàn số 2") gives both; a
  tick under "Trưởng đoàn | Phó đoàn | Thành viên" columns gives the role; role abbreviations defined in a note line
  ("TĐ - Trưởng đoàn") are used; a phone or birth date labelled in a free-text column ("Ghi chú": "ĐT: 0328.975.617",
  "SN: 15/3/1978") fills a field without a column, with a warning naming the cells, and unread or unlabelled numbers
  there are warned about (``importers.kinds.note_values``); the phone is the mobile: a landline column beside it ("ĐT
  cơ quan", "Cố định", "Điện thoại" over "CQ | NR | DĐ") is known and left unread (``importers.kinds.phone_columns``),
  and of a cell's two numbers the one labelled or shaped as a mobile is read (``importers.phone_lines``); a column
  headed by a short group word ("Đoàn CT", "Tổ CT") is the group column when its values are group references
  (``importers.kinds.group_words``); the document's closing block ("Nơi nhận:", "T/M …", "KT. …", "- Lưu VP.", or
  signer titles over their names) ends the table in any column
  (``importers.signature_titles``); the group and unit a title states ("ĐOÀN CÔNG TÁC SỐ 3", "Phụ trách: …") hold for
  rows nothing else places; a "Tổng cộng: N đồng chí" line is skipped (and N checked), and so is one whose label stands
  in another column than the names ("Tổng cộng:" in the role column, "29 đồng chí" where the names go). A section line
  among the people ("I. ĐẢNG VIÊN CHÍNH THỨC": text only, left of the names) is skipped with its reason
  (``importers.kinds.section_lines``). An assignment matrix (a row per group, the people of each role listed one a line
  in a cell, "Họ và tên - Chức vụ" or "Họ và tên (Chức vụ)", a dash, ';' or line break inside the brackets splitting
  nothing: ``importers.kinds.person_lines``) is rewritten as a roster before the table is looked for, and so is a
  header naming two fields in one column
  ("Họ và tên, chức vụ", "Đồng chí - chức vụ", "Ngày sinh" over "Điện thoại" on two lines, "Đoàn công tác - Chi bộ phụ
  trách", or "Họ và tên" over "Chức vụ" in one column over two header rows, the other header cells merged down over
  both): the values on two lines of the cell, or on two physical rows per person, become one column per field
  (``importers.kinds.stacked_fields``; a person without a second row, or one whose cells are not merged over it as
  the others' are, is reported by row: ``importers.kinds.row_pairs``); so is a table with one column per group
  ("ĐOÀN CÔNG TÁC SỐ 1 (Đảng bộ …)") and the roles down the first column (``importers.kinds.group_columns``), or a
  pair or triple of columns per group under a row "Họ và tên" | "Chức vụ" [| "Số điện thoại"]
  (``importers.kinds.group_fields``). So is a roster with the people down and the groups across ("Đoàn số 1" |
  "Đoàn số 2", each group's unit on a header row under it, "Trưởng đoàn" / "Phó đoàn" / "x" in the person's cell:
  ``importers.kinds.group_matrix``). An abbreviated header ("HT | NS | CV | ĐCT | NV | ĐV phụ trách") is written out
  from the note line defining it or the usual office abbreviations (``importers.header_abbreviations``), and a hidden
  column repeating a field a shown column names (an earlier term's groups) is ignored (``importers.hidden_columns``).
- Software exports (``importers.code_headers``): headers written as codes ("HO_TEN", "hoten", "hoTen", "TEN_DV")
  are read by their words against the same vocabulary; a code column ("MA_DOAN", "ID") maps no field and is warned
  about only when it says more than the column it codes; coded values ("TRUONG_DOAN", "VANG_CP") read as words;
  number codes for roles or statuses are read only as a note line explains them ("1 - Trưởng đoàn"), else refused.
  Unit (or group) codes ("KP-PH1") are read through a catalogue sheet of the workbook ("DM_CoSo": Mã | Tên) when it
  holds every code the column uses, said as an inference (``importers.code_catalogues``); else kept, with a warning.
  A register listing names inside status columns, one row per meeting ("Ngày họp | Có mặt | Vắng có phép | …"), is
  rewritten as one row per name and meeting before the table is looked for (``importers.name_lists``); when its
  columns list only the excused, absent and late, a line of the register (or of the member list) says that the
  unlisted were present ("Các đồng chí không có tên ở các cột Vắng, Đến muộn là có mặt") and one other sheet of the
  workbook clearly is the chi bộ's member list ("DS dang vien": STT | Họ và tên …), each member not listed at a
  meeting is present there, within the time the member sheet states ("chuyển đến từ 3/2025", "Ngày chuyển đi"),
  said in a warning naming them and the sheet; a listed name not on the list is warned about at its cell
  (``importers.member_rolls``).
- Cells a legend explains by kind (``importers.legend_rules``): an arrival time in a mark cell ("19h30", "19:25") is
  the status the legend gives times ("ghi giờ đến = có mặt"), else present with a warning, late after a start the
  notes state; a blank cell is the status the legend gives blanks ("để trống = vắng không phép") in the meetings
  held and for the people marked at some meeting, never without such a legend. A form's check-in answers
  ("Dấu thời gian | Họ và tên | Chi bộ | Xác nhận tham dự") are a register dated by each timestamp's office day
  when no question asks the date; a second answer for one meeting replaces the first, with a warning
  (``importers.kinds.form_answers``).
- Formatting a note explains (``importers.format_legends``, ``importers.kinds.format_meanings``): a roster with no
  role column gives each person the role the name cell's (or the whole row's) fill, font colour, bold or italic has
  in the note ("Ô tô màu vàng là Trưởng đoàn, tô màu xanh là Phó Trưởng đoàn, còn lại là thành viên", "Đồng chí in
  đậm là Trưởng đoàn", "Tên chữ đỏ: Trưởng đoàn"); a register's mark cell gets the status its fill or coloured
  mark has ("Ô nền đỏ: vắng không phép; nền vàng: vắng có phép", "x màu đỏ: vắng"). Colours are named by hue and
  lightness, theme colours through the file's theme (``importers.colour_names``); formats are read from .xlsx,
  .xls and .ods (``importers.cell_fonts.read_cell_formats``). A role column wins (a format saying another role is
  warned); a fill against a mark the legend explains refuses the cell; a CSV (or unreadable formats), a colour the
  note does not define, or a note no cell matches is warned naming the sheet and cells.
- Units and groups written inside other cells: a unit after the group in the group's cell ("Đoàn số 1⏎Phụ trách:
  Đảng bộ phường …", "Đoàn 2 (Chi bộ Thôn 4)") or after the role (``importers.kinds.unit_tail``); a block caption or a
  title line opening with the chi bộ ("Chi bộ thôn An Lộc – sinh hoạt ngày 8/1/2025", "Chi bộ Xóm 7 - Sổ điểm danh …")
  (``importers.caption_units``, ``importers.sheet_context``); a group column found by its values, under any header
  when they name groups in words ("Thuộc": "ĐCT số 1"), under a group word when bare numbers or Roman numerals. A
  unit's name column wins over its code column ("Tên chi bộ" / "Mã chi bộ"). A column written on most rows keeps a
  blank cell blank (only a column holding its value on each block's first row is filled down as a lost merge). A
  reason column ("Vắng (ghi rõ lý do)") whose cell says there is none ("Không lý do") is an absence; "Vắng có báo" /
  "Vắng không báo" are an excused and an unexcused absence. A long register's unnamed column of numbers ("Mã": 1–4)
  is its status only when the legend explains every number ("Mã tình trạng: 1 - Có mặt; …"), else the refusal names
  the column and asks for the legend (``importers.kinds.attendance_infer``). Group codes
  a note line explains ("Đ1, Đ2… : Đoàn công tác số 1, số 2…", "Ghi chú: Đ1 - Đoàn công tác số 1", "Tổ 1 là …") read
  as their groups, the whole series from one definition carrying the group's number, said as an inference; a line
  may list them at once, above or below the table ("Ký hiệu cột "Mã phân công": Đ1, Đ2, Đ3, Đ4 = Đoàn công tác
  số 1, 2, 3, 4", "Đ1–Đ4: Đoàn 1–4", "Đn = Đoàn công tác số n", "Đ + số = Đoàn công tác số đó"), an example in
  brackets beside it no definition and naming no group of the sheet; lists of different lengths are never paired
  by guess: a code they would explain is refused in a packed column ("Đ3-TV"), kept and warned in a group column,
  naming the note (``importers.group_code_notes``). A group-unit catalogue — a small second table under the
  roster ("II. ĐỊA BÀN PHỤ TRÁCH": Đoàn | Chi bộ, đảng bộ phụ trách), its rows never read as people, else the one
  other sheet listing them ("Địa bàn": Mã đoàn | Địa bàn), its groups written as the roster does or in full
  (``importers.group_units``) — gives a roster naming no unit each group's unit only when every group it uses has
  exactly one unit there; else no unit, with a warning naming the groups missing or given several; a roster's own
  units are kept, a warning naming the groups where they differ from the catalogue (``importers.kinds.unit_lookup``).
- Checkboxes (``importers.kinds.status_ticks``): a Google Sheet's tick boxes, saved as TRUE/FALSE (the text "TRUE" /
  "FALSE" in a CSV export), are read only where the header says what a tick means: under "Có mặt" a checkbox is the
  answer yes/no a reason column completes (an unticked one with a reason is excused, without one absent); a tick or
  checkbox under a status beside it ("Muộn", "Đến muộn", "Vắng có phép") refines that answer when ticked and says
  nothing unticked (a "Muộn" 'x' beside a "Có mặt" 'x' is late too), one disagreeing with the answer refuses the row
  naming both cells; a checkbox under a header naming nothing ("Điểm danh", a month) is refused unless a note line
  says a tick there is "có mặt" ("Điểm danh TRUE = có mặt"). English check-in headers read alike ("Check-in",
  "Present", "Late", "Reason", "Date", "Name"), and "Thành viên ĐCT" names the members. A meeting's date (or month)
  merged over status boxes ("CM" | "CP", "CM" | "VP" | "KP", "Có mặt" | "Muộn"), checkboxes or 'x' marks, is read
  box by box (``importers.month_flags``): the file's instruction line says what the ticks mean together ("Tick CM =
  có mặt; không tick CM nhưng tick CP = vắng có phép; không tick cả hai = vắng không phép",
  ``importers.tick_rules``); without one a single tick is its box's status and a row with no tick, or ticks that
  disagree, is refused naming the boxes. A column of TRUE/FALSE or numbers is never the name column
  (``importers.name_values``): the name header over it gives way to another name column, else the file is refused.
- ``parse_file(..., overrides=...)`` — the officer's corrections as plain data (``importers.overrides``):
  {"sheets": [names] (several: records concatenated), "header_rows": [first, last] (1-based), "joins":
  [{"field", "columns": [2-3 letters]}] (cells joined with " ", dates with "/"), "context": {detected field:
  "group"|"unit"|"role"|"ignore"}, "legend": {mark: status}, "year": int, and the whole-column and whole-sheet
  corrections (``importers.corrections``): "columns": {field: letter | None} (map a column; None: no column),
  "replace": [{"column", "find", "with", "when"?: {"column", "filled": bool}}] (whole cells, case aside),
  "dates": [letters] (only the date kept: "Thứ Hai, 06/01/2025" -> "06/01/2025"), "strips": [{"column", "part":
  "prefix"|"suffix"|"brackets", "text", "into"?: field}] ("Đ/c " dropped, "(Trưởng đoàn)" -> role), "splits":
  [{"column", "how": "lines"|"role_group", "into": [field, field]}] (name / position on two lines; "Trưởng Đoàn
  công tác số 2" -> role + group), "sheet_values": [{"field", "from": "tab"|"row"|"typed", "row"?, "value"?}]
  (one value for all records of each sheet: its tab name, a line's text without a leading "Đơn vị:", or typed),
  "transpose": bool (persons across the top)}; corrections never undo one another, and a part moved into a
  field is read from a column added at the right (in ``result.columns``). A bad value raises ImportFileError
  naming the correction. ``result.inferences`` lists what was inferred and from where
  ([{what, value, source}], Vietnamese,
  e.g. {"what": "Năm", "value": "2024", "source": "lấy từ dòng 6"}); ``result.detected_signature`` is the header
  signature as detected before the corrections (the webapp keys saved templates by it and the sheet name).
- ``importers.planning`` — who a record is: ``match_roster_persons`` / ``match_attendance_persons`` (frames in, person
  id and problem per record out), the one matching rule the webapp's import commit applies.
- ``importers.cli.main(argv) -> int`` — the JSON command-line contract (also ``python -m importers``).

Pipeline stages: reading -> (legacy decoding) -> locating -> mapping -> kinds/* (normalising + validating)
-> results; matching records to known persons (planning) is separate and pure.
"""

from .errors import ImportFileError
from .limits import Limits
from .parsing import inspect_file, parse_file
from .results import ParseResult

__all__ = ["ImportFileError", "Limits", "ParseResult", "inspect_file", "parse_file"]
