"""A cell's colour as the name an office would give it ("vàng", "xanh lá", "đỏ" …), for the legends that give a
colour a meaning (``importers.format_legends``). Pure.

An RGB is named by its hue and lightness: white, near-white and black are no colour (a cell not coloured); a grey
is "xám"; a dark orange is "nâu", a light red "hồng". Near a border between two hues both names are given (Excel's
"Orange" FFC000 is read as yellow by many): the legend's own colours decide which, and two legend colours matching
is a doubt the caller reports. A theme colour is looked up in the workbook's theme (its tint applied), an indexed
one in the legacy palette."""

import colorsys
import re

NAMES = ("vàng", "xanh lá", "xanh dương", "đỏ", "cam", "hồng", "tím", "xám", "nâu")
# Hue ranges (degrees) -> name; each range's edges within BORDER degrees also give the neighbour's name
_HUES = ((0, 12, "đỏ"), (12, 42, "cam"), (42, 72, "vàng"), (72, 165, "xanh lá"), (165, 255, "xanh dương"),
         (255, 295, "tím"), (295, 340, "hồng"), (340, 361, "đỏ"))
BORDER = 6

# Office's default theme: lt1, dk1, lt2, dk2, accent1..6 (the order of theme indices 0..9 in cell styles)
DEFAULT_THEME = ("FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47")


def colour_names(rgb: str | None) -> frozenset[str]:
    """The names an RGB ('FFFF00', 'FFFFFF00' with alpha) may be given; empty for none, white or black."""
    if not rgb or not isinstance(rgb, str):
        return frozenset()
    rgb = rgb.strip().lstrip("#")[-6:]
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", rgb):
        return frozenset()
    red, green, blue = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, saturation = colorsys.rgb_to_hls(red, green, blue)
    if light >= 0.95 or light <= 0.08:
        return frozenset()  # white, near-white, black: no colour
    if saturation < 0.15 or (light > 0.85 and saturation < 0.3):
        return frozenset({"xám"}) if light < 0.9 else frozenset()
    degrees = hue * 360
    names = set()
    for start, end, name in _HUES:
        if start - BORDER <= degrees < end + BORDER:
            names.add(name)
    if "cam" in names and light < 0.48:  # a dark orange is brown; between the two, both
        names = (names - {"cam"} if light < 0.38 else names) | {"nâu"}
    if "đỏ" in names and light > 0.8:
        names.add("hồng")
    if "hồng" in names and light < 0.3:
        names = (names - {"hồng"}) | {"tím"}
    return frozenset(names)


def matches(name: str, found: frozenset[str]) -> bool:
    """Whether a legend's colour (generic 'xanh': green or blue) is among a cell's names."""
    if name == "xanh":
        return bool(found & {"xanh lá", "xanh dương"})
    return name in found


def theme_palette(theme_xml: bytes | str | None) -> tuple[str, ...]:
    """The theme's colours in the order cell styles index them (lt1, dk1, lt2, dk2, accent1..6)."""
    if not theme_xml:
        return DEFAULT_THEME
    text = theme_xml.decode("utf-8", "replace") if isinstance(theme_xml, bytes) else theme_xml
    found = {}
    for slot in ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6"):
        match = re.search(rf"<a:{slot}>.*?(?:srgbClr val|lastClr)=\"([0-9A-Fa-f]{{6}})\"", text, re.DOTALL)
        if match:
            found[slot] = match.group(1).upper()
    order = ("lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6")
    return tuple(found.get(slot, default) for slot, default in zip(order, DEFAULT_THEME))


def with_tint(rgb: str, tint: float) -> str:
    """An RGB lightened (tint > 0) or darkened (tint < 0) as Excel applies a theme colour's tint."""
    if not tint:
        return rgb
    red, green, blue = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, saturation = colorsys.rgb_to_hls(red, green, blue)
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    return "".join(f"{round(part * 255):02X}" for part in colorsys.hls_to_rgb(hue, light, saturation))


FILL_TOLERANCE = 10  # per channel: one colour as two programs compute a theme colour's tint
_WHITE = 0xFA  # a fill this near white on every channel is no fill ("không tô màu" kept white on purpose)


def plain_fill(rgb: str | None) -> str | None:
    """A fill as compared to a legend's swatches: 'RRGGBB' upper case, None for no fill, white or unreadable."""
    if not rgb or not isinstance(rgb, str):
        return None
    rgb = rgb.strip().lstrip("#")[-6:].upper()
    if not re.fullmatch(r"[0-9A-F]{6}", rgb):
        return None
    return None if all(int(rgb[i:i + 2], 16) >= _WHITE for i in (0, 2, 4)) else rgb


def same_fill(first: str | None, second: str | None) -> bool:
    """Whether two plain fills (``plain_fill``) are one colour: both none, or each channel within FILL_TOLERANCE."""
    if first is None or second is None:
        return first is second
    return all(abs(int(first[i:i + 2], 16) - int(second[i:i + 2], 16)) <= FILL_TOLERANCE for i in (0, 2, 4))
