"""Header wordings that name a field in more words than its synonym: a question a form asked ('Họ và tên của đồng
chí?', 'Vai trò của đồng chí trong Đoàn'), an address word ('Họ và tên đồng chí'), or two wordings of one field
joined by a slash ('ĐT di động / ĐT cơ quan').

These are tried only after a label's exact synonym, so a header named the usual way is read as before."""

import re

# Address words and question tails: they carry no field meaning ('của đồng chí', 'số mấy?', 'là gì').
# The person a column is about ('đồng chí phụ trách', 'cán bộ được phân công') is an address phrase too.
_FILLERS = re.compile(r"\b(?:(?:dong chi|d c|nguoi|can bo) (?:phu trach|duoc phan cong|duoc cu)"
                      r"|(?:cua )?(?:dong chi|d c|anh chi|ong ba)|so may|la gi|the nao|nao|la thanh vien(?: cua)?)\b")
_SPACES = re.compile(r"\s+")
# A trailing 'số' asks for the number of the thing named ('Đoàn CT số', 'Tổ số'): the column holds that thing.
_NUMBER_TAIL = re.compile(r"(?<=\w) so$")


# Time qualifiers and hedges: 'Chức vụ hiện tại', 'Đơn vị công tác hiện nay', 'Số điện thoại (nếu có)', 'Di động
# liên hệ' name the
# field the label without them names. 'đang' before the activity is a tense ('Đơn vị đang công tác' is 'Đơn vị công
# tác', a workplace, still no unit). 'Thực hiện' (the targets' actual) is no 'hiện' of time.
_QUALIFIERS = re.compile(r"\b(?<!thuc )(?:hien tai|hien nay|hien gio|hien dang|hien|neu co|lien he)\b"
                         r"|\bdang (?=cong tac\b|sinh hoat\b|giu\b|dam nhiem\b)")


def without_qualifiers(folded: str) -> str:
    """A folded label without its time qualifiers ('chuc vu hien tai' -> 'chuc vu', 'doan ct so hien nay' ->
    'doan ct so')."""
    return _SPACES.sub(" ", _QUALIFIERS.sub(" ", folded)).strip()


# The cell a member goes to as a guest: a place, then the attending verb ('Chi bộ dự', 'Chi bộ dự họp', 'Nơi dự sinh
# hoạt', 'Đơn vị đến dự'), perhaps with the assignment sending the member there between ('Chi bộ được phân công dự
# sinh hoạt', 'Chi bộ được cử đến dự'): the label names the chi bộ attended, a register's unit (a roster's unit is
# the one its group is assigned to, which 'chi bộ' alone does not name there). The verb alone ('Dự họp', 'Có dự
# sinh hoạt') stays the status. Read word for word, never fuzzily: 'Nơi dự sinh hoạt' is two letters from 'Có dự
# sinh hoạt'; 'Chi bộ được phân công sinh hoạt' (no 'dự') is where the member belongs, no cell attended.
_ATTENDED_PLACE = re.compile(r"^(?:chi bo|don vi|noi)(?: (?:duoc )?(?:phan cong|cu|giao))? (?:den |ve )?du"
                             r"(?: hop| sinh hoat(?: chi bo)?| sh| shcb)?$")
# The same with the verb first and the place after 'tại' ('Dự SH tại chi bộ', 'Tham dự họp tại', 'Dự sinh hoạt tại
# đơn vị'): a verb alone ('Dự sinh hoạt') stays the status, so 'tại' must be there.
_ATTENDED_AT = re.compile(r"^(?:tham |den |ve )?du(?: hop| sinh hoat(?: chi bo)?)? tai"
                          r"(?: (?:chi bo|don vi|dang bo|co so|noi))?$")
_ATTENDED_CELL = "chi bo"


def attended_place(folded: str) -> str:
    """'chi bo' for a label 'place + attending verb' ('chi bo du hop', 'noi du sinh hoat') or 'attending verb + tại
    + place' ('du sinh hoat tai chi bo'), else the label."""
    return _ATTENDED_CELL if _ATTENDED_PLACE.match(folded) or _ATTENDED_AT.match(folded) else folded


# The member who attended, named by an address word and the attending verb ('Đồng chí dự', 'Đ/c dự họp', 'Đảng viên
# dự', 'Người tham dự', 'Họ tên người dự'): a register's name column. Read before the address words are dropped
# ('đồng chí dự' would leave the verb alone, the status), word for word: 'Đảng viên dự bị' is a kind of member, 'Số
# người dự' a count, 'Dự họp' alone the status and 'Ngày dự họp' the date.
_ATTENDING_PERSON = re.compile(r"^(?:(?:ho va ten|ho ten|ten) )?(?:dong chi|d c|dc|dang vien|thanh vien|nguoi|can bo)"
                               r"(?: den| ve| tham)? du(?: hop| sinh hoat(?: chi bo)?| sh| shcb)?$")
_ATTENDING_NAME = "ho va ten"


def attending_person(folded: str) -> bool:
    """Whether a folded label names the member who attended ('dong chi du', 'd c du hop', 'ho ten nguoi du')."""
    return bool(_ATTENDING_PERSON.match(folded))


# The member of a working group, named by the group ('Thành viên ĐCT', 'Thành viên Đoàn công tác', 'Thành viên
# đoàn'): the column of the members' names. 'Thành viên' alone stays what it was (a role, a tick column of roles).
_GROUP_MEMBER = re.compile(r"^(?:ho (?:va )?ten )?thanh vien (?:dct|doan(?: cong tac| ct)?|to cong tac)(?: so)?$")


def group_member(folded: str) -> bool:
    """Whether a folded label names the working group's member ('thanh vien dct', 'thanh vien doan cong tac')."""
    return bool(_GROUP_MEMBER.match(folded))


# A person's job and where it is held, in one cell ('Chức vụ, đơn vị', 'Chức vụ - đơn vị', 'Chức vụ và đơn vị công
# tác', 'Chức vụ/Đơn vị', 'Đơn vị công tác, chức vụ', 'Chức vụ chính quyền, đoàn thể'): the position, as 'Chức vụ,
# đơn vị công tác' already is. The workplace is no unit the person follows ('Chức vụ / Đơn vị phụ trách' still names
# two fields).
_POSITION_AND_WORKPLACE = re.compile(
    r"^chuc (?:vu|danh)(?: va)? (?:(?:don vi|co quan)(?: cong tac)?|noi (?:cong tac|lam viec))$"
    r"|^(?:(?:don vi|co quan) cong tac|co quan|noi (?:cong tac|lam viec))(?: va)? chuc (?:vu|danh)$"
    # the sides of public life it is held in: 'Chức vụ chính quyền, đoàn thể', 'Chức vụ Đảng, chính quyền'
    r"|^chuc (?:vu|danh)(?: (?:va )?(?:dang|chinh quyen|doan the|mat tran|hien nay|hien tai))+$")
_POSITION = "chuc vu"


def position_and_workplace(folded: str) -> str:
    """'chuc vu' for a label naming the job with its workplace ('chuc vu don vi'), else the label."""
    return _POSITION if _POSITION_AND_WORKPLACE.match(folded) else folded


# Party organisations named a few together ('Chi bộ, đảng bộ được phân công theo dõi', 'Chi bộ hoặc đảng bộ'): the
# cell holds one of them, so the list names the cell as its first word does.
_ORGANISATION = r"(?:chi bo|dang bo|chi dang bo|to dang|to chuc (?:co so )?dang|don vi|co so)"
_ORGANISATIONS = re.compile(rf"^({_ORGANISATION})(?: (?:va |hoac )?{_ORGANISATION})+\b")


def one_organisation(folded: str) -> str:
    """A folded label opening on a list of party organisations, with the first alone ('chi bo dang bo duoc phan
    cong' -> 'chi bo duoc phan cong'), else the label."""
    return _ORGANISATIONS.sub(r"\1", folded)


# The meeting written short in a header ('Ngày SH', 'Ngày SHCB', 'Tháng SH', 'Kỳ SH'): SH is 'sinh hoạt', SHCB
# 'sinh hoạt chi bộ', as every office abbreviates them.
_MEETING_SHORT = re.compile(r"\bsh(cb)?\b")


def meeting_written_out(folded: str) -> str:
    """A folded label with its meeting abbreviations written out ('ngay shcb' -> 'ngay sinh hoat chi bo')."""
    return _MEETING_SHORT.sub(lambda match: "sinh hoat chi bo" if match.group(1) else "sinh hoat", folded)


def header_core(folded: str) -> str:
    """A folded label with its meeting abbreviations written out ('ngay sh' -> 'ngay sinh hoat'), without address
    words, question tails and time qualifiers ('ho va ten cua dong chi' -> 'ho va ten'), a place without the verb
    attending it ('chi bo du hop' -> 'chi bo'), the member who attended ('dong chi du' -> 'ho va ten'), a job with
    its workplace ('chuc vu don vi' -> 'chuc vu'), a list of organisations with its first ('chi bo dang bo theo doi'
    -> 'chi bo theo doi')."""
    folded = meeting_written_out(folded)
    if attending_person(folded) or group_member(folded):
        return _ATTENDING_NAME
    core = _NUMBER_TAIL.sub("", without_qualifiers(_FILLERS.sub(" ", folded)))
    return one_organisation(position_and_workplace(attended_place(core)))


# The places a chi bộ is named after ('Buôn', 'Thôn', 'Tổ dân phố', 'Ấp', 'Bản', 'Khu phố'), alone or a few together
# ('Thôn, buôn'): beside the cell in a slash-joined header ('Buôn/Chi bộ', 'Chi bộ/Thôn') they say which cell.
_PLACE = r"(?:buon|bon|thon|ap|ban|xom|lang|khom|plei|phum|soc|to dan pho|tdp|khu pho|khoi pho|khu dan cu|khu|khoi|to" \
         r"|dia ban)"
_PLACE_WORDS = re.compile(rf"^{_PLACE}(?: {_PLACE})*$")


def is_place_wording(folded: str) -> bool:
    """Whether a folded label is only place words ('buon', 'to dan pho', 'thon buon')."""
    return bool(_PLACE_WORDS.match(folded))


def slash_parts(label: str) -> list[str]:
    """The wordings of a label written as 'A / B' (one part when there is no slash)."""
    return [part for part in (piece.strip() for piece in str(label).split("/")) if part]


_BRACKETS = re.compile(r"\([^()]*\)")


def without_brackets(label: str) -> str:
    """A label without its bracketed asides ('Số điện thoại (Zalo)' -> 'Số điện thoại'): a note on the answer,
    not the field's name."""
    return _SPACES.sub(" ", _BRACKETS.sub(" ", str(label))).strip()


_DOTTED = re.compile(r"(?<![^\W\d_])([^\W\d_])\.(?=[^\W\d_](?:\.|\b))")


def without_dots(label: str) -> str:
    """A label with its dotted abbreviation closed up ('Đ.T.D.Đ' -> 'ĐTDĐ', 'S.Đ.T' -> 'SĐT'): one letter, a dot,
    one letter."""
    return _DOTTED.sub(r"\1", label)
