"""How one canonical value is written into a cell: tables of styles (name, phone, date, STT)."""

import datetime as dt
import unicodedata


def _caps(name, rng):
    return name.upper()


def _nfd(name, rng):
    return unicodedata.normalize("NFD", name)


def _double_spaces(name, rng):
    return name.replace(" ", "  ", 1) + "  "


def _honorific(name, rng):
    return "Đ/c " + name


# Honorifics and degrees before a name (the "honorific" style draws one per name from the second stream)
HONORIFICS = {
    "dong_chi": ["Đ/c "],
    "degrees": ["ThS. ", "TS. ", "Đ/c ThS. ", "PGS.TS. ", "CN. ", "Đồng chí ", "KS. ", "Đ/c ", "BS. ", ""],
    "spoken": ["Đồng chí ", "Đ/c ", "Đ/c TS. ", "Th.S ", "Thạc sĩ "],
}


def name_writer(style: str, pick):
    """The function writing a canonical name in the style; honorifics come from the second stream."""
    if style != "honorific":
        return NAME_STYLES[style]
    words = pick.second.pick("honorific_words", HONORIFICS)
    return lambda name, rng: pick.second.rng.choice(words) + name


NAME_STYLES = {
    "plain": lambda name, rng: name,
    "caps_some": lambda name, rng: name.upper() if rng.random() < 0.4 else name,
    "caps_all": _caps,
    "nfd_some": lambda name, rng: _nfd(name, rng) if rng.random() < 0.5 else name,
    "nfd_all": _nfd,
    "double_spaces": lambda name, rng: _double_spaces(name, rng) if rng.random() < 0.5 else name,
    "leading_space": lambda name, rng: " " + name if rng.random() < 0.5 else name,
    "honorific": _honorific,
}


def _grouped(digits, sizes, sep):
    out, start = [], 0
    for size in sizes:
        out.append(digits[start:start + size])
        start += size
    return sep.join(out)


PHONE_STYLES = {
    "plain_text": lambda p: p,
    "spaced_4_3_3": lambda p: _grouped(p, (4, 3, 3), " "),
    "dots_4_3_3": lambda p: _grouped(p, (4, 3, 3), "."),
    "dots_3_3_4": lambda p: _grouped(p, (3, 3, 4), "."),
    "dashes_3_3_4": lambda p: _grouped(p, (3, 3, 4), "-"),
    "dashes_4_3_3": lambda p: _grouped(p, (4, 3, 3), "-"),
    "number_int": lambda p: int(p),
    "number_float": lambda p: float(int(p)),
    "intl_plus84_spaced": lambda p: "+84 " + _grouped(p[1:], (3, 3, 3), " "),
    "intl_84_digits": lambda p: "84" + p[1:],
    "intl_paren_dots": lambda p: "(+84) " + _grouped(p[1:], (3, 3, 3), "."),
}

DATE_STYLES = {
    "excel_date": lambda d: dt.datetime(d.year, d.month, d.day),
    "dd/mm/yyyy": lambda d: d.strftime("%d/%m/%Y"),
    "d/m/yyyy": lambda d: f"{d.day}/{d.month}/{d.year}",
    "dd-mm-yyyy": lambda d: d.strftime("%d-%m-%Y"),
    "dd.mm.yyyy": lambda d: d.strftime("%d.%m.%Y"),
    "excel_serial": lambda d: (d - dt.date(1899, 12, 30)).days,  # a date pasted as a bare number (1900 system)
}

STT_STYLES = {
    "sequential": lambda group, index, overall: overall,
    "restart_per_group": lambda group, index, overall: index,
    "dotted": lambda group, index, overall: f"{group}.{index}",
    "text": lambda group, index, overall: str(overall),
}
