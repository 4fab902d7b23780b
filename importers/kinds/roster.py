"""Roster (working-group membership list): column specs."""

from . import FieldSpec
from .common import FULL_NAME, INDEX, NOTE, PERSON_ROWS

CANONICAL = ("full_name", "birth_date", "position", "group", "role", "unit", "phone")

FIELDS = (
    INDEX,
    FULL_NAME,
    FieldSpec("birth_date", ("ngay sinh", "ngay thang nam sinh", "sinh ngay", "nam sinh", "ngay sinh dd mm yyyy"),
              label="ngày sinh"),
    FieldSpec("position", ("chuc vu", "chuc danh", "chuc vu don vi cong tac", "chuc vu hien nay", "chuc vu chinh quyen",
                           "chuc vu dang"), label="chức vụ"),
    FieldSpec("group", ("doan cong tac", "doan", "ten doan", "thuoc doan", "doan so", "to cong tac",
                                 "thuoc doan cong tac"), required=True,
              label="đoàn công tác"),
    FieldSpec("role", ("nhiem vu trong doan", "nhiem vu", "vai tro", "chuc danh trong doan", "chuc vu trong doan",
                       "phan cong", "vai tro trong doan"), required=True, label="nhiệm vụ trong đoàn"),
    FieldSpec("unit", ("don vi phu trach", "don vi", "dia ban phu trach", "to chuc dang phu trach", "phu trach",
                       "co so phu trach", "don vi duoc phan cong", "phu trach don vi", "dia ban",
                       "dia ban theo doi", "don vi theo doi", "co so theo doi", "chi bo phu trach", "dang bo phu trach",
                       "dia ban duoc phan cong", "co so duoc phan cong", "don vi phu trach theo doi"),
              label="đơn vị phụ trách"),
    FieldSpec("phone", ("so dien thoai", "dien thoai", "sdt", "dt", "di dong", "so dt", "dien thoai di dong",
                       "dt lien he", "dien thoai lien he", "so dien thoai lien he", "so dien thoai di dong",
                       "dt di dong", "so di dong", "dt co quan", "dien thoai co quan"),
              label="số điện thoại"),
    NOTE,
)

ROWS = PERSON_ROWS
