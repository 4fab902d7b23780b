"""Header wordings of a roster's unit column named in more words than its synonyms: the place a member is sent to
and how ('Chi bộ được phân công dự sinh hoạt', 'Chi bộ phân công theo dõi', 'Cơ sở được giao phụ trách', 'Dự sinh
hoạt tại', 'Nơi đến dự', 'Xã phụ trách'). A roster's unit is the one its member follows, never the member's own
cell: 'sinh hoạt' without an attending verb ('Chi bộ đang sinh hoạt', 'Nơi sinh hoạt đảng', 'Chi bộ được phân công
sinh hoạt', 'Sinh hoạt tại chi bộ') is where the member belongs, and such a header names no unit.

'Tham gia sinh hoạt' without an assignment ('Chi bộ tham gia sinh hoạt') may be either: read as the unit followed,
said as unsure so the reader warns."""

import re

from .normalising import fold

FOLLOWED = "followed"
UNSURE = "unsure"

# The place named: a party organisation, or the residential or administrative area a cell is named after.
_PLACE = re.compile(r"\b(?:chi bo|dang bo|chi dang bo|to dang|to chuc|co so|don vi|dia ban|noi|thon|ap|xom|khom"
                    r"|to dan pho|khu pho|khu dan cu|xa|phuong|thi tran|dac khu)\b")
# Attending as a guest: 'dự', 'tham dự', 'đến dự' alone or before the meeting ('dự sinh hoạt', 'dự họp'), never
# 'dự bị' (a probationary member), 'dự kiến' or 'đủ điều kiện'.
_ATTEND = re.compile(r"\b(?:tham |den |ve )?du\b(?! (?:bi|kien|an|toan|tru|bao|phong|thao|lieu|dieu|doan)\b)"
                     r"(?: sinh hoat(?: chi bo)?| hop| sh| shcb)?")
_JOIN = re.compile(r"\btham gia(?: sinh hoat(?: chi bo)?| sh| shcb)\b")
_CHARGE = re.compile(r"\b(?:phu trach|theo doi|chi dao)\b")
_ASSIGN = re.compile(r"\b(?:(?:duoc )?phan cong|duoc giao|duoc cu|cu (?:den|ve|di))\b")
_AT = re.compile(r"\btai\b")
# The member's own cell or workplace: 'sinh hoạt' left once the attending and joining wordings are taken out, the
# work done ('công tác', not the group 'Đoàn công tác'), the member's home.
_OWN = re.compile(r"\bsinh hoat\b|(?<!doan )\bcong tac\b|\bcua dang vien\b|\bque quan\b|\bnoi o\b|\bthuong tru\b")


def followed_unit_wording(label: str) -> str | None:
    """FOLLOWED when a header names the unit a member is sent to follow, UNSURE when it may name the member's own
    cell instead ('Chi bộ tham gia sinh hoạt'), else None."""
    folded = fold(label)
    attends, joins = bool(_ATTEND.search(folded)), bool(_JOIN.search(folded))
    rest = _JOIN.sub(" ", _ATTEND.sub(" ", folded))
    if _OWN.search(rest):
        return None
    place = bool(_PLACE.search(rest) or _AT.search(rest))
    assigned, charged = bool(_ASSIGN.search(rest)), bool(_CHARGE.search(rest))
    if (place and (attends or charged or assigned)) or (assigned and (attends or charged or joins)):
        return FOLLOWED
    if joins and place:
        return UNSURE
    return None
