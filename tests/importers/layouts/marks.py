"""Attendance mark sets, status words and legend wordings (data only)."""

STATUSES = ("present", "excused", "absent", "late")

MARK_SETS = {
    "x_P_K_M": {"present": "x", "excused": "P", "absent": "K", "late": "M"},
    "check_CP_KP_M": {"present": "✓", "excused": "CP", "absent": "KP", "late": "M"},
    "plus_V_minus_M": {"present": "+", "excused": "V", "absent": "-", "late": "M"},
    "one_CP_KP_M": {"present": 1, "excused": "CP", "absent": "KP", "late": "M"},
    "X_P_V": {"present": "X", "excused": "P", "absent": "V"},
    "v_p_k_m": {"present": "v", "excused": "p", "absent": "k", "late": "m"},  # "v" = present: only the legend says so
}
STATUS_WORDS = {
    "formal": {"present": "có mặt", "excused": "vắng có phép", "absent": "vắng không phép", "late": "đi muộn"},
    "reason": {"present": "có mặt", "excused": "vắng có lý do", "absent": "vắng không lý do", "late": "đến muộn"},
    "vang_codes": {"present": "Có mặt", "excused": "Vắng CP", "absent": "vắng kp", "late": "Muộn"},
    "short": {"present": "có mặt", "excused": "có phép", "absent": "vắng", "late": "muộn"},
}
LEGENDS = {  # (prefix, one item, separator, suffix)
    "ghi_chu_dash": ("Ghi chú: ", "{m} - {w}", "; ", ""),
    "ky_hieu_paren": ("Ký hiệu: ", "({m}) {w}", "; ", "."),
    "ghi_chu_equals": ("Ghi chú: ", "{m} = {w}", ", ", ""),
    "star_colon": ("* Ký hiệu: ", "{m}: {w}", "; ", ""),
}


def legend_text(legend, marks: dict, words: dict) -> str:
    prefix, item, sep, suffix = legend
    return prefix + sep.join(item.format(m=marks[s], w=words[s]) for s in STATUSES if s in marks) + suffix
