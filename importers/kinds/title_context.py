"""A roster of one group, or of the people following one unit, often says so only above the table:
"DANH SÁCH ĐOÀN CÔNG TÁC SỐ 3", "Phụ trách: Đảng bộ phường Bắc Hồng", "… THEO DÕI CHI BỘ KHU PHỐ 1".

Such a title sets the group (the unit) of every row that no column, sub-header row or merged cell gives one. The
organisation lines of the letterhead ("ĐẢNG BỘ THỊ XÃ …", "CHI BỘ KHU PHỐ 1") name who issues the list, not
whom the group follows, so a unit is read only after a word of assignment ("phụ trách", "theo dõi", "phân công")."""

import re

import pandas as pd

from ..context import fold_in_place
from ..group_code_notes import defines_group_codes, without_examples
from ..group_ordinals import NUMBER, counts_not_names, number_value
from ..normalising import clean_text, names_one_unit, normalise_unit_name
from .roster_stage import RosterStage

TITLE_GROUP = re.compile(rf"\b(?:(?P<team>to cong tac)|doan cong tac|doan ct|dct)\s*(?:so\s*)?(?P<n>{NUMBER})\b")
TITLE_UNIT = re.compile(r"\b(?:phu trach|theo doi|duoc phan cong|duoc giao)\s*[:\-–]?\s*"
                        r"(?P<unit>(?:dang bo|chi bo|dang uy|to chuc co so dang)\b[^()]*?)\s*[.;:]?\s*$")


def _only(found: set[str]) -> str | None:
    return next(iter(found)) if len(found) == 1 else None


def title_group(titles: list[str]) -> str | None:
    """The one working group the title lines name, if exactly one; a line defining group codes ("Đ1, Đ2 = Đoàn công
    tác số 1, 2"), an example a line gives ("(ví dụ Đ3-TV: Thành viên Đoàn công tác số 3)") and a count ("Tổng
    cộng: 05 đoàn công tác") name none."""
    found = set()
    for text in titles:
        if defines_group_codes(text):
            continue
        folded = fold_in_place(without_examples(text))
        for match in TITLE_GROUP.finditer(folded):
            if counts_not_names(folded, match.start(), match.end()):
                continue
            kind = "Tổ công tác" if match.group("team") else "Đoàn công tác"
            found.add(f"{kind} số {number_value(match.group('n'))}")
    return _only(found)


def title_unit(titles: list[str]) -> str | None:
    """The one unit the title lines assign the list to, if exactly one."""
    found = set()
    for text in titles:
        text = clean_text(text) or ""
        match = TITLE_UNIT.search(fold_in_place(text))
        if match and names_one_unit(text[match.start("unit"):match.end("unit")]):
            found.add(normalise_unit_name(text[match.start("unit"):match.end("unit")]))
    return _only(found - {None})


def facts_from_title(stage: RosterStage) -> None:
    """Give the title's group and unit to the rows nothing else gives one."""
    if not len(stage.frame):
        return
    titles = stage.table.title_text
    group = title_group(titles) if stage.mapped("group") is None else None
    if group:
        headings = stage.body.groups.reindex(stage.frame.index)
        missing = stage.carried("group").isna() & headings.isna()
        stage.carry("group", pd.Series(group, index=stage.frame.index, dtype=object).where(missing))
    unit = title_unit(titles) if stage.mapped("unit") is None else None
    if unit:
        missing = stage.carried("unit").isna()
        stage.carry("unit", pd.Series(unit, index=stage.frame.index, dtype=object).where(missing))
