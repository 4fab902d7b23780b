"""Pinned option sets equivalent to layouts today's pipeline is known to read (the a01 and a06 samples)."""

SIMPLE_ROSTER = {  # a01: title block, one-row header, group/role/unit columns, text dates and phones
    "layout": "roster", "format": "xlsx", "roster_role": "column", "roster_group": "column",
    "roster_unit": "column", "roster_role_words": "standard", "roster_birth": "column",
    "birth_date_style": "dd/mm/yyyy", "roster_phone": "column", "phone_style": "spaced_4_3_3",
    "name_style": "plain", "name_columns": "one_column", "stt_style": "sequential", "roster_position": "column", "group_spacer_rows": "none",
    "header_depth": "one_row", "group_value": "full", "column_order": "standard", "title_block": "two_columns",
    "signature": "bi_thu", "sheets": "single", "header_stt": "STT", "header_name": "Họ và tên",
    "header_birth": "Ngày sinh", "header_position": "Chức vụ", "header_group": "Đoàn công tác",
    "header_role": "Nhiệm vụ trong đoàn", "header_unit": "Đơn vị phụ trách", "header_phone": "Số điện thoại",
}
WIDE_REGISTER = {  # a06: T1..T12 under a merged "Tháng", year in the title, chi bộ column, x/P/K/M legend below
    "layout": "attendance_wide", "format": "xlsx", "register_unit": "column", "wide_columns": "months",
    "month_header": "T1", "over_months": "merged_Thang", "mark_set": "x_P_K_M", "legend_words": "formal",
    "legend_wording": "ghi_chu_dash", "legend_place": "below", "register_stt": "column", "totals": "none",
    "note_column": "none", "name_style": "caps_some", "blank_pattern": "scattered", "title_block": "two_columns",
    "signature": "chi_uy", "sheets": "single", "header_name": "Họ và tên", "header_unit": "Chi bộ",
}
PROFILES = {"simple_roster": SIMPLE_ROSTER, "wide_register": WIDE_REGISTER}
