"""Roster bodies: columns, header depths, group/role context rows, merged-down cells, STT styles."""

from . import cells, headers, people, vocab
from .sheet import Sheet

ROMAN = ["I", "II", "III", "IV", "V", "VI"]

HEADER_WORDS = {
    "stt": ["STT", "TT", "Số TT"],
    "name": ["Họ và tên", "Họ tên", "Họ và tên đảng viên", "Họ tên đồng chí phụ trách",
             "Họ và tên cán bộ được phân công"],
    "birth": ["Ngày sinh", "Ngày, tháng, năm sinh", "Sinh ngày"],
    "position": ["Chức vụ", "Chức vụ hiện nay", "Chức vụ, đơn vị công tác"],
    "group": ["Đoàn công tác", "Đoàn", "Thuộc đoàn"],
    "role": ["Nhiệm vụ trong đoàn", "Vai trò", "Chức danh", "Nhiệm vụ"],
    "unit": ["Đơn vị phụ trách", "Địa bàn phụ trách", "Đơn vị được phân công", "Chi bộ được phân công",
             "Chi bộ phụ trách", "Đảng bộ được giao", "Cơ sở theo dõi"],
    "phone": ["Số điện thoại", "Điện thoại", "ĐT liên hệ", "Số ĐT"],
}
# Header depths: which top header sits over which columns (None: the column's header spans all rows).
HEADER_DEPTHS = {
    "one_row": {},
    "two_rows_groups": {"name": "Thông tin cá nhân", "birth": "Thông tin cá nhân",
                        "group": "Phân công", "role": "Phân công", "unit": "Phân công"},
    "two_rows_contact": {"position": "Công tác", "phone": "Công tác"},
}
COLUMN_ORDERS = {
    "standard": ["stt", "name", "birth", "position", "group", "role", "unit", "phone"],
    "assignment_first": ["stt", "group", "role", "name", "birth", "position", "unit", "phone"],
    "phone_before_role": ["stt", "name", "position", "birth", "phone", "group", "unit", "role"],
    "unit_first": ["unit", "name", "position", "birth", "group", "role", "phone", "stt"],  # a row per chi bộ
}
GROUP_VALUES = {
    "full": "Đoàn công tác số {N}",
    "caps": "ĐOÀN CÔNG TÁC SỐ {N}",
    "short": "Đoàn số {N}",
    "roman": "Đoàn {R}",
}
GROUP_CODES = {  # None: the group value as GROUP_VALUES writes it
    "as_value": None,
    "dct_code": "ĐCT{NN}",
    "dct_so": "ĐCT số {NN}",
    "doan_roman": "Đoàn {R}",
    "doan_so_roman": "Đoàn số {R}",
    "doan_ct_dash": "ĐOÀN CT-{NN}",
}


def _group_cell(template: str, number: int) -> str:
    return template.replace("{NN}", f"{number:02d}").replace("{N}", str(number)).replace("{R}", ROMAN[number - 1])


GROUP_ROWS = {  # (text pattern, carries the unit)
    "roman_caps": ("{R}. ĐOÀN CÔNG TÁC SỐ {N}", False),
    "caps": ("ĐOÀN CÔNG TÁC SỐ {N}", False),
    "numbered_title": ("{N}. Đoàn công tác số {N}", False),
    "caps_phu_trach_paren": ("ĐOÀN CÔNG TÁC SỐ {N} (phụ trách {UNIT})", True),
    "numbered_phu_trach_dash": ("{N}. Đoàn công tác số {N} - Phụ trách: {UNIT}", True),
    "roman_phu_trach_dash": ("{R}. ĐOÀN CÔNG TÁC SỐ {N} - Phụ trách: {UNIT}", True),
}
ROLE_WORDS = {
    "standard": {"head": "Trưởng đoàn", "deputy": "Phó Trưởng đoàn", "member": "Thành viên"},
    "capitalised_uy_vien": {"head": "Trưởng Đoàn", "deputy": "Phó Trưởng Đoàn", "member": "Ủy viên"},
    "pho_doan": {"head": "Trưởng đoàn", "deputy": "Phó đoàn", "member": "Thành viên"},
    "caps": {"head": "TRƯỞNG ĐOÀN", "deputy": "PHÓ TRƯỞNG ĐOÀN", "member": "THÀNH VIÊN"},
}
NAME_SPLITS = {  # name columns: key -> header wordings (issue #19)
    "one_column": [],
    "head_given": [("name_head", ["Họ và tên đệm", "Họ và chữ đệm", "Họ đệm"]), ("name_given", ["Tên"])],
    "surname_middle_given": [("name_surname", ["Họ"]), ("name_middle", ["Đệm", "Tên đệm", "Chữ đệm"]),
                             ("name_given", ["Tên", "Tên gọi"])],
}
BIRTH_PARTS = {  # day | month | year columns: (upper header or None, leaf headers)
    "merged_parent": ("Ngày, tháng, năm sinh", ["Ngày", "Tháng", "Năm"]),
    "merged_sinh_ngay": ("Sinh ngày", ["Ngày", "Tháng", "Năm"]),
    "named": (None, ["Ngày sinh", "Tháng sinh", "Năm sinh"]),
}
ROLE_IN_NAME = {  # how the head's and deputy's name cells carry the role; members are plain
    "paren": {"head": "{NAME} (Trưởng đoàn)", "deputy": "{NAME} (Phó đoàn)"},
    "dash": {"head": "{NAME} - Trưởng đoàn", "deputy": "{NAME} - Phó trưởng đoàn"},
    "abbreviation": {"head": "{NAME} (TĐ)", "deputy": "{NAME} (PTĐ)"},
}
GROUP_WITH_ROLE = {  # one column holding group and role
    "c02_words": {"head": "Trưởng Đoàn công tác số {N}", "deputy": "Phó trưởng đoàn số {N}",
                  "member": "Thành viên Đoàn số {N}"},
    "short": {"head": "Trưởng đoàn {N}", "deputy": "Phó đoàn {N}", "member": "TV đoàn {N}"},
    "group_first": {"head": "Đoàn CT số {N} - Trưởng đoàn", "deputy": "Đoàn CT số {N} - Phó đoàn",
                    "member": "Đoàn CT số {N} - Thành viên"},
}
GROUP_WITH_ROLE_HEADERS = ["Nhiệm vụ được phân công", "Phân công", "Tham gia đoàn"]
STACK_JOINERS = {"comma": ", ", "line": "\n", "dash": " - "}  # two fields under one header (issue #19)
STACKED_POSITION_WORDS = ["Chức vụ", "Chức vụ hiện nay", "Chức danh"]
SECTION_ROWS = {
    "numbered_colon": "{I}. {WORD}:",
    "letter_colon": "{L}) {WORD}:",
    "plain": "{WORD}",
}


def build(pick, rng, sheet: Sheet, legacy_ok, fmt_is_csv: bool, name_styles: list) -> tuple[list[dict], int]:
    """Fill `sheet` with a roster table; returns (canonical records, 1-based last header row)."""
    role_mode = pick.pick("roster_role", ["column", "sections", "in_name", "with_group"])
    # a section row cannot sit inside a merge; CSV has no merges (blank cells would mean "no value")
    merged = ["column_merged"] if role_mode == "column" and not fmt_is_csv else []
    group_mode = "with_role" if role_mode == "with_group" else pick.pick("roster_group", ["column", "rows"] + merged)
    with_group = pick.pick("group_with_role", GROUP_WITH_ROLE) if role_mode == "with_group" else None
    in_name = pick.pick("role_in_name", ROLE_IN_NAME) if role_mode == "in_name" else None
    group_row = pick.pick("roster_group_row", GROUP_ROWS) if group_mode == "rows" else None
    unit_in_row = bool(group_row and group_row[1])
    unit_mode = "in_group_row" if unit_in_row else pick.pick("roster_unit", ["column", "none"] + merged)
    roles = pick.pick("roster_role_words", ROLE_WORDS)
    birth_mode = pick.pick("roster_birth", ["column", "gender_split", "none", "day_month_year"])
    birth_parts = pick.pick("birth_parts", BIRTH_PARTS) if birth_mode == "day_month_year" else None
    date_style = pick.pick("birth_date_style", cells.DATE_STYLES) if birth_mode in ("column", "gender_split") \
        else None
    if fmt_is_csv and date_style is cells.DATE_STYLES["excel_date"]:
        date_style = cells.DATE_STYLES["dd/mm/yyyy"]
    phone_mode = pick.pick("roster_phone", ["column", "none"])
    phone_style = pick.pick("phone_style", cells.PHONE_STYLES) if phone_mode == "column" else None
    name_style = pick.pick("name_style", name_styles)
    name_split = pick.pick("name_columns", NAME_SPLITS if name_style != "honorific" else ["one_column"])
    name_split = NAME_SPLITS[name_split] if isinstance(name_split, str) else name_split
    stt_mode = pick.pick("stt_style", list(cells.STT_STYLES) + ["none"])
    has_position = pick.pick("roster_position", ["column", "none"]) == "column"
    spacer = pick.pick("group_spacer_rows", ["none", "blank_row"]) == "blank_row"
    depth = pick.pick("header_depth", HEADER_DEPTHS)
    section = pick.pick("role_section_style", SECTION_ROWS) if role_mode == "sections" else None
    group_value = pick.pick("group_value", GROUP_VALUES) if group_mode not in ("rows", "with_role") else None
    if group_value:  # a code or abbreviation in place of the name ("ĐCT01", "Đoàn số II"), from the second stream
        group_value = pick.second.pick("group_code", GROUP_CODES) or group_value
    write_name = cells.name_writer(name_style, pick)
    order = pick.pick("column_order", COLUMN_ORDERS)

    present = {"stt": stt_mode != "none", "name": True, "birth": birth_mode == "column",
               "position": has_position, "group": group_mode not in ("rows", "with_role"),
               "role": role_mode in ("column", "with_group"),
               "unit": unit_mode in ("column", "column_merged"), "phone": phone_mode == "column"}
    if sum(present.values()) < 3:  # a one- or two-column list is no office roster: add STT and position
        pick.pick("roster_min_columns", ["padded"])
        present["position"] = has_position = True
        if stt_mode == "none":
            present["stt"], stt_mode = True, "sequential"
    keys = [k for k in order if present[k]]
    # two fields under one header: name over position (on two lines of the cell, or on a second row per person),
    # the birth date over the phone on that second row, the group over the unit on two lines
    plain = not name_split and not depth and role_mode in ("column", "sections") and birth_mode in ("column", "none")
    stack = pick.pick("stacked_name_position", ["none", "lines", "rows"]) if plain and has_position else "none"
    stack_phone = stack == "rows" and "birth" in keys and "phone" in keys \
        and pick.pick("stacked_birth_phone", ["none", "rows"]) == "rows"
    stack_unit = not depth and "group" in keys and "unit" in keys \
        and pick.pick("stacked_group_unit", ["none", "lines"]) == "lines"
    for key, stacked in (("position", stack != "none"), ("phone", stack_phone), ("unit", stack_unit)):
        if stacked:
            keys.remove(key)
    if birth_mode == "gender_split":
        at = keys.index("name") + 1
        keys[at:at] = ["birth_male", "birth_female"]
    if birth_mode == "day_month_year":
        at = keys.index("name") + 1
        keys[at:at] = ["birth_day", "birth_month", "birth_year"]
    if name_split:
        at = keys.index("name")
        keys[at:at + 1] = [key for key, _ in name_split]
    sheet.width = len(keys)
    col = {k: i for i, k in enumerate(keys)}

    # header rows: a path of labels per column (1 to 3 rows)
    tops = headers.contiguous_tops(dict(depth), col)
    if birth_mode == "gender_split" and "birth" in depth:  # "Thông tin cá nhân" over "Năm sinh" over Nam | Nữ
        tops = headers.contiguous_tops({**dict(depth), "birth_male": depth["birth"],
                                        "birth_female": depth["birth"]}, col)
    words = {k: pick.pick(f"header_{k}", HEADER_WORDS[k]) for k in HEADER_WORDS if k in col}
    words.update({"birth_male": "Nam", "birth_female": "Nữ"})
    if stack != "none":
        joiner = pick.pick("stacked_joiner", STACK_JOINERS)
        words["name"] += joiner + pick.pick("header_stacked_position", STACKED_POSITION_WORDS)
    if stack_phone:
        words["birth"] += "\n" + pick.pick("header_phone", HEADER_WORDS["phone"])
    if stack_unit:
        joiner = pick.pick("stacked_group_joiner", STACK_JOINERS)
        words["group"] += joiner + pick.pick("header_unit", HEADER_WORDS["unit"])
    if role_mode == "with_group":
        words["role"] = pick.pick("header_group_with_role", GROUP_WITH_ROLE_HEADERS)
    for key, wordings in name_split:
        words[key] = pick.pick(f"header_{key}", wordings)
    if birth_parts:
        words.update(zip(("birth_day", "birth_month", "birth_year"), birth_parts[1]))
    # name parts sit under "Họ và tên" or under nothing; day | month | year under their own header or the depth's top
    over_parts = pick.pick("name_parts_top", ["none", "name_header"]) if name_split else None
    over_name = pick.pick("header_name", HEADER_WORDS["name"]) if over_parts == "name_header" else None
    part_tops = {key: over_name for key, _ in name_split if over_name}
    part_tops.update({key: depth["birth"] for key in ("birth_day", "birth_month", "birth_year")
                      if birth_parts and not birth_parts[0] and "birth" in depth})
    if name_split or birth_parts:
        replaced = ({"name"} if name_split else set()) | ({"birth"} if birth_parts else set())
        tops = headers.contiguous_tops({**{k: v for k, v in depth.items() if k not in replaced}, **part_tops}, col)
    over_gender = pick.pick("header_birth_over_gender", ["Năm sinh", "Ngày sinh"]) if "birth_male" in col else None
    paths = []
    for k in keys:
        path = [tops[k]] if k in tops else []
        if k in ("birth_male", "birth_female"):
            path.append(over_gender)
        if k in ("birth_day", "birth_month", "birth_year") and birth_parts[0]:
            path.append(birth_parts[0])
        paths.append(path + [words[k]])
    header_row = headers.add_header(sheet, paths)

    # people
    used_units: list[str] = []
    records = []
    overall = 0
    n_groups = rng.randint(2, 4)
    for g in range(1, n_groups + 1):
        unit = people.ward_unit(rng, used_units)
        used_units.append(unit)
        if not legacy_ok(unit):
            unit = f"Đảng bộ xã số {g}"
        size = {"head": 1, "deputy": rng.randint(1, 2), "member": rng.randint(1, 4)}
        names = people.unique_names(rng, sum(size.values()),
                                    ok=lambda n: legacy_ok(n) and n not in [r["full_name"] for r in records])
        if group_mode == "rows":
            text = group_row[0].replace("{R}", ROMAN[g - 1]).replace("{N}", str(g)).replace("{UNIT}", unit)
            sheet.add_banner(text)
        first_row = len(sheet.rows)
        index = 0
        for s, role in enumerate(("head", "deputy", "member"), start=1):
            if role_mode == "sections":
                sheet.add_banner(section.replace("{I}", str(s)).replace("{L}", "abc"[s - 1])
                                 .replace("{WORD}", roles[role]))
            for _ in range(size[role]):
                name = names.pop()
                index += 1
                overall += 1
                birth = people.birth_date(rng) if birth_mode != "none" else None
                phone = people.phone(rng) if phone_mode == "column" and rng.random() > 0.08 else None
                position = rng.choice([p for p in vocab.POSITIONS if legacy_ok(p)]) if has_position else None
                row = [None] * len(keys)
                values = {
                    "stt": cells.STT_STYLES[stt_mode](g, index, overall) if stt_mode != "none" else None,
                    "name": write_name(name, rng),
                    "birth": date_style(birth) if birth and date_style else None,
                    "position": position,
                    "group": _group_cell(group_value, g) if group_value else None,
                    "role": with_group[role].replace("{N}", str(g)) if with_group else roles[role],
                    "unit": unit,
                    "phone": phone_style(phone) if phone else None,
                }
                if birth_mode == "gender_split":
                    female = any(w in name.split() for w in ("Thị",)) or name.split()[-1] in vocab.GIVEN_FEMALE
                    values["birth_female" if female else "birth_male"] = values["birth"]
                if name_split:  # the role, when written with the name, follows the given name
                    values.update(_split_name(values["name"], [key for key, _ in name_split]))
                    values["name_given"] = _name_cell(values["name_given"], role, in_name)
                else:
                    values["name"] = _name_cell(values["name"], role, in_name)
                if birth_mode == "day_month_year" and birth:
                    values.update({"birth_day": birth.day, "birth_month": birth.month, "birth_year": birth.year})
                if stack == "lines":
                    values["name"] += "\n" + position
                if stack_unit:
                    values["group"] = f"{values['group']}\n{unit}" if values["group"] else None
                for k, c in col.items():
                    row[c] = values.get(k)
                first = sheet.add(row)
                if stack == "rows":
                    second = [None] * len(keys)
                    second[col["name"]] = position
                    if stack_phone and values["phone"] is not None:
                        second[col["birth"]] = f"ĐT: {values['phone']}" if isinstance(values["phone"], str) \
                            else values["phone"]
                    sheet.add(second)
                    merged_keys = {"name", "birth" if stack_phone else "name"} | {
                        k for k, mode in (("group", group_mode), ("unit", unit_mode)) if mode == "column_merged"}
                    for k, c in col.items():
                        if k not in merged_keys and not fmt_is_csv:
                            sheet.merge(first, c, first + 1, c)
                records.append({"full_name": name, "birth_date": birth.isoformat() if birth else None,
                                "position": position, "group": f"Đoàn công tác số {g}", "role": role,
                                "unit": unit if unit_mode != "none" else None, "phone": phone})
        last_row = len(sheet.rows) - 1
        for k in ("group", "unit"):
            if k in col and (group_mode if k == "group" else unit_mode) == "column_merged":
                for r in range(first_row, last_row + 1):
                    if sheet.rows[r][col[k]] is not None and r != first_row:
                        sheet.rows[r][col[k]] = None
                    elif r == first_row and sheet.rows[r][col[k]] is None:
                        sheet.rows[r][col[k]] = records[-1][k] if k == "unit" else f"Đoàn công tác số {g}"
                sheet.merge(first_row, col[k], last_row, col[k])
        if spacer and g < n_groups:
            sheet.add()
    return records, header_row


def _name_cell(styled: str, role: str, in_name: dict | None) -> str:
    """The name cell: the styled name, with the role written after it for heads and deputies."""
    if in_name is None or role not in in_name:
        return styled
    return in_name[role].replace("{NAME}", styled.rstrip())


def _split_name(styled: str, keys: list[str]) -> dict:
    """The styled name cut into its parts: given name last, surname first (three columns), the rest between."""
    words = styled.split()
    given, head = words[-1], words[:-1]
    if len(keys) == 2:
        return {keys[0]: " ".join(head), keys[1]: given}
    return {keys[0]: head[0], keys[1]: " ".join(head[1:]) or None, keys[2]: given}
