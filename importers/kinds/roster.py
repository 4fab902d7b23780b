"""Roster (working-group membership list): column specs."""

from dataclasses import replace

from ..phone_lines import LANDLINE_JOINED, LANDLINE_NOUNS
from . import FieldSpec
from .common import FULL_NAME, INDEX, NOTE, PERSON_ROWS

# The unit column: the organisation named ("chi bộ", "địa bàn") and how the group relates to it ("phụ trách").
UNIT_NOUNS = ("don vi", "co so", "dia ban", "chi bo", "dang bo", "to chuc dang", "chi dang bo", "to dang",
              "to chuc co so dang")
UNIT_QUALIFIERS = ("phu trach", "duoc phan cong", "theo doi", "phu trach theo doi", "duoc giao",
                   "duoc phan cong phu trach", "duoc phan cong theo doi", "duoc giao theo doi", "duoc giao phu trach")

# Office abbreviations of the phone header: ĐTDĐ (điện thoại di động), DĐ (di động), and the messaging app whose
# number is the phone ("Zalo", "SĐT Zalo"). A label only in brackets, "(Zalo)", stays an aside (mapping).
PHONE_ABBREVIATIONS = ("dtdd", "dt dd", "so dtdd", "sdt dd", "dd", "so dd", "dtdd lien he", "dt dd lien he",
                       "zalo", "so zalo", "sdt zalo", "dt zalo", "so dt zalo", "dien thoai zalo",
                       "so dien thoai zalo", "dtdd zalo", "mobile", "so mobile", "dt mobile", "mobile phone")

# A landline column beside the mobile ('ĐT cơ quan', 'Điện thoại nhà riêng', 'ĐTCĐ', 'Máy bàn', 'Cố định'): known and
# left unread, the phone being the mobile; a roster with no other phone column reads it as the phone
# (kinds.phone_columns). A noun alone ('Cơ quan', 'NR') names the landline only under a phone header, or over phone
# numbers: alone it may be a workplace or an address.
PHONE_WORDS = ("dt", "so dt", "sdt", "dien thoai", "so dien thoai")
LANDLINE = FieldSpec("landline", tuple(f"{phone} {noun}" for phone in PHONE_WORDS for noun in LANDLINE_NOUNS)
                     + LANDLINE_JOINED + ("may ban", "so may ban", "co dinh", "so co dinh"),
                     label="số máy bàn (không nhập)", within="phone")

# A roster names its members as the cadre who follows a unit ('Đồng chí phụ trách', 'Cán bộ được phân công'): in a
# membership list that column is the member's name. Inside a longer label the phrase stays an address word
# (header_words), and a register keeps its own name wordings.
MEMBER_NAME = replace(FULL_NAME, synonyms=FULL_NAME.synonyms + tuple(
    f"{who} {how}" for who in ("dong chi", "d c", "can bo", "nguoi") for how in ("phu trach", "duoc phan cong")))

CANONICAL = ("full_name", "birth_date", "position", "group", "role", "unit", "phone")

FIELDS = (
    INDEX,
    MEMBER_NAME,
    FieldSpec("birth_date", ("ngay sinh", "ngay thang nam sinh", "sinh ngay", "nam sinh", "ngay sinh dd mm yyyy",
              "ngay sinh mm dd yyyy", "ngay sinh thang ngay nam"),
              label="ngày sinh"),
    FieldSpec("position", ("chuc vu", "chuc danh", "chuc vu don vi cong tac", "chuc vu hien nay", "chuc vu chinh quyen",
                           "chuc vu dang"), label="chức vụ"),
    FieldSpec("group", ("doan cong tac", "doan", "ten doan", "thuoc doan", "doan so", "to cong tac",
                                 "thuoc doan cong tac", "doan ct so", "dct", "dct so",
                                 "so doan"), required=True,
              label="đoàn công tác"),
    FieldSpec("role", ("nhiem vu trong doan", "nhiem vu", "vai tro", "chuc danh trong doan", "chuc vu trong doan",
                       "phan cong", "vai tro trong doan"), required=True, label="nhiệm vụ trong đoàn"),
    FieldSpec("unit", ("don vi", "phu trach", "phu trach don vi", "dia ban", "to chuc co so dang",
                       # the assignment alone names the unit followed ('Theo dõi, phụ trách')
                       "theo doi", "theo doi phu trach", "phu trach theo doi", "duoc phan cong theo doi")
              + tuple(f"{noun} {qualifier}" for noun in UNIT_NOUNS for qualifier in UNIT_QUALIFIERS),
              label="đơn vị phụ trách"),
    FieldSpec("phone", ("so dien thoai", "dien thoai", "sdt", "dt", "di dong", "so dt", "dien thoai di dong",
                       "dt lien he", "dien thoai lien he", "so dien thoai lien he", "so dien thoai di dong",
                       "dt di dong", "so di dong")
              + PHONE_ABBREVIATIONS, label="số điện thoại"),
    LANDLINE,
    NOTE,
)

ROWS = PERSON_ROWS
