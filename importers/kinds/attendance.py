"""Attendance (cell-meeting register): column specs; month columns (T1..T12) are found separately."""

from . import FieldSpec
from .common import FULL_NAME, INDEX, NOTE, PERSON_ROWS

CANONICAL = ("full_name", "date", "status", "unit")

FIELDS = (
    INDEX,
    FULL_NAME,
    FieldSpec("date", ("ngay sinh hoat", "ngay hop", "ngay", "thoi gian", "ngay sinh hoat chi bo", "ngay du hop",
                       "buoi sinh hoat", "thoi gian hop", "thoi gian sinh hoat",
                       # an app's or a calendar's export: when the meeting began ('Thời gian bắt đầu', 'Ngày giờ')
                       "thoi gian bat dau", "bat dau", "ngay gio", "ngay gio bat dau", "thoi diem bat dau",
                       "thoi gian to chuc", "ngay to chuc",
                       # an English export ('Date', 'Meeting date')
                       "date", "meeting date",
                       # the meeting of a month ('Kỳ sinh hoạt', 'Tháng sinh hoạt': 'Tháng 03/2025')
                       "ky sinh hoat", "ky sinh hoat chi bo", "ky hop", "thang sinh hoat", "thang sinh hoat chi bo"),
              label="ngày sinh hoạt"),
    FieldSpec("status", ("diem danh", "tinh trang", "co mat", "du hop", "tham du", "trang thai", "ket qua diem danh",
                         "tinh hinh tham du", "tinh hinh du hop", "tinh hinh", "tinh hinh sinh hoat", "muc do tham du",
                         "tham gia", "ket qua", "du sinh hoat", "tinh trang tham du", "co mat vang mat",
                         # a log's column of how each member attended ('Tình hình dự', 'Kết quả dự', 'Có mặt/vắng')
                         "tinh hinh du", "ket qua du", "ket qua du hop", "co mat vang", "co mat hay vang",
                         "co mat hoac vang", "vang co mat",
                         "trang thai diem danh", "tinh trang diem danh", "trang thai tham du", "ket qua tham du",
                         # a check-in form's question ('Xác nhận tham dự', 'Đồng chí có tham dự buổi sinh hoạt không?')
                         "xac nhan tham du", "xac nhan co mat", "xac nhan diem danh", "xac nhan tham gia",
                         "co tham du", "tham du sinh hoat", "tham du buoi sinh hoat", "co tham du buoi sinh hoat",
                         "tham du sinh hoat chi bo", "co tham du sinh hoat chi bo", "diem danh sinh hoat",
                         "dang ky tham du", "tinh trang diem danh", "co tham du khong", "co tham du sinh hoat khong",
                         "co tham du buoi sinh hoat khong", "co tham du sinh hoat chi bo khong", "co den du khong",
                         "co mat khong",
                         # an English export or an app's check-in ('Check-in', 'Present', 'Attendance')
                         "check in", "checked in", "present", "attendance", "attended"),
              label="điểm danh"),
    FieldSpec("unit", ("chi bo", "don vi", "chi bo sinh hoat", "dang bo", "to chuc dang", "chi bo dang bo",
                       "sinh hoat tai chi bo", "noi sinh hoat", "sinh hoat tai", "chi bo noi sinh hoat",
                       "to chuc co so dang", "chi bo duoc phan cong", "chi bo phu trach", "chi bo theo doi",
                       "don vi duoc phan cong", "co so duoc phan cong", "dang bo duoc phan cong",
                       "ten chi bo", "ten don vi", "ten dang bo", "ten to chuc dang", "ten to chuc co so dang",
                       "ma don vi", "madonvi", "ma chi bo", "machibo", "ma cb", "ma dang bo"),
              label="chi bộ"),
    # a form export's answer time ('Dấu thời gian'): the meeting's date when no question asks for it
    FieldSpec("timestamp", ("dau thoi gian", "timestamp", "thoi gian gui", "thoi diem gui", "thoi gian tra loi",
                            "thoi diem tra loi", "dau thoi gian gui"), label="dấu thời gian"),
    FieldSpec("arrival", ("gio den", "thoi gian den", "gio co mat", "den luc", "gio den hop"), label="giờ đến"),
    # the minutes late beside a status ('Muộn (phút)', 'Số phút muộn': ``kinds.late_minutes``)
    FieldSpec("late_minutes", ("muon phut", "den muon phut", "di muon phut", "so phut muon", "so phut den muon",
                               "so phut di muon", "phut muon", "phut den muon", "phut di muon", "tre phut",
                               "di tre phut", "den tre phut", "so phut tre", "so phut den tre", "so phut di tre",
                               "phut tre", "phut den tre", "phut di tre"), label="số phút muộn"),
    NOTE,
)

ROWS = PERSON_ROWS
