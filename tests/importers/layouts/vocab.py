"""Fictional Vietnamese names, units, positions and places (data only)."""

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
            "Chu", "Trương", "Đinh", "Cao", "Hà", "Đậu", "Phan"]
MIDDLE_MALE = ["Văn", "Hữu", "Đình", "Minh", "Quang", "Xuân", "Thanh", "Duy", "Bá", "Ngọc", "Thế", "Công"]
MIDDLE_FEMALE = ["Thị", "Thu", "Ngọc", "Hồng", "Kim", "Thanh", "Phương", "Mai"]
GIVEN_MALE = ["An", "Bình", "Cường", "Dũng", "Đức", "Hùng", "Huy", "Khánh", "Long", "Minh", "Nam", "Phúc",
              "Quân", "Sơn", "Thắng", "Toàn", "Trung", "Tuấn", "Vinh", "Việt", "Lộc", "Tú", "Cảnh", "Đạt"]
GIVEN_FEMALE = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hương", "Lan", "Linh", "Loan", "Mai",
                "Nga", "Nhung", "Phương", "Quyên", "Thảo", "Thủy", "Trang", "Vân", "Yến", "Ngân", "Hiền"]
PLACES = ["Hồng Lĩnh", "Cẩm Xuyên", "Nghi Xuân", "Đức Thọ", "Can Lộc", "Hương Sơn", "Thạch Hà", "Kỳ Anh"]
WARDS = ["Bắc Hồng", "Nam Hồng", "Trung Lương", "Đức Thuận", "Đậu Liêu", "Thuận Lộc", "Xuân An", "Thiên Cầm",
         "Cẩm Thành", "Hương Trà"]
CELLS = ["Tổ dân phố {n}", "Khối {n}", "Thôn {n}", "Xóm {n}", "Trường Tiểu học số {n}"]
POSITIONS = ["Phó Bí thư Thị đoàn", "Trưởng phòng Văn hóa và Thông tin", "Ủy viên BTV, Trưởng Ban Tổ chức",
             "Thị ủy viên, Trưởng phòng Nội vụ", "Chuyên viên UBKT", "Phó Giám đốc Trung tâm Chính trị",
             "Phó Chánh Văn phòng", "Chủ tịch Hội Nông dân", "Phó Chủ tịch UBND", "Trưởng Công an"]
