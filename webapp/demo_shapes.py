"""The shapes `flask demo` can load: a town Party committee over its wards and communes, (since district-level
committees ended on 1/7/2025) a ward Party committee whose groups follow its cells, or a province's Standing
Committee whose groups work in communes. Every name is fictional data."""
from dataclasses import dataclass, field

from .models import Sector


@dataclass(frozen=True)
class DemoShape:
    root_name: str
    root_sector: Sector
    identity: dict
    committees: list[tuple[str, Sector]]   # the units the groups follow (cells are made under party committees)
    enterprises: list[str]
    agencies: list[str]
    positions: list[str]
    committee_is_cell: bool = False          # a ward's groups follow cells directly
    accounts: dict = field(default_factory=dict)


TOWN = DemoShape(
    root_name="Đảng bộ thị xã Hồng Sơn", root_sector=Sector.OTHER,  # no new unit takes the retired "Thị xã"
    identity={"superior_name": "Đảng bộ tỉnh Hà Tĩnh", "issuer_name": "Thị ủy Hồng Sơn", "committee_name": "Thị ủy",
              "symbol": "ThU", "place_name": "Hồng Sơn"},
    committees=[(f"Đảng bộ phường {name}", Sector.WARD) for name in
                ["Bắc Hồng", "Nam Hồng", "Đức Thuận", "Trung Lương", "Đậu Liêu", "Thuận Lộc"]]
               + [(f"Đảng bộ xã {name}", Sector.COMMUNE) for name in ["Thuận Lộc Thượng", "Xuân Lam"]],
    enterprises=["Công ty CP Môi trường và Công trình đô thị", "Công ty TNHH Dệt may Hồng Sơn",
                 "Ngân hàng Chính sách xã hội thị xã"],
    agencies=["Cơ quan Thị ủy", "Cơ quan UBND thị xã", "Công an thị xã", "Ban Chỉ huy Quân sự thị xã"],
    positions=[
        "Ủy viên BTV, Trưởng Ban Tổ chức Thị ủy", "Ủy viên BTV, Chủ nhiệm UBKT Thị ủy", "Phó Chủ tịch UBND thị xã",
        "Thị ủy viên, Trưởng phòng Nội vụ", "Thị ủy viên, Chánh Văn phòng Thị ủy", "Phó Ban Tuyên giáo Thị ủy",
        "Trưởng phòng Tài chính - Kế hoạch", "Trưởng phòng Văn hóa và Thông tin", "Phó Chủ tịch Ủy ban MTTQ thị xã",
        "Chuyên viên Ban Tổ chức Thị ủy", "Chuyên viên UBKT Thị ủy", "Phó Bí thư Thị đoàn",
        "Chủ tịch Hội Nông dân thị xã", "Phó Chánh Văn phòng HĐND-UBND thị xã",
        "Trưởng phòng Tài nguyên và Môi trường",
    ],
)

WARD = DemoShape(
    root_name="Đảng bộ phường Bắc Hồng", root_sector=Sector.WARD,
    identity={"superior_name": "Đảng bộ tỉnh Hà Tĩnh", "issuer_name": "Đảng ủy phường Bắc Hồng",
              "committee_name": "Đảng ủy", "symbol": "ĐU", "place_name": "Bắc Hồng"},
    committees=[(f"Chi bộ Tổ dân phố {n}", Sector.RESIDENTIAL) for n in range(1, 9)],
    enterprises=["Công ty TNHH Thương mại Bắc Hồng", "Trường Trung học cơ sở Bắc Hồng"],
    agencies=["Cơ quan Đảng ủy - HĐND - UBND phường", "Công an phường", "Ban Chỉ huy Quân sự phường"],
    positions=[
        "Phó Bí thư Thường trực Đảng ủy phường", "Chủ tịch UBND phường", "Chủ tịch Ủy ban MTTQ phường",
        "Ủy viên BTV, Chủ nhiệm UBKT Đảng ủy phường", "Đảng ủy viên, Phó Chủ tịch UBND phường",
        "Đảng ủy viên, Trưởng Công an phường", "Chủ tịch Hội Cựu chiến binh phường", "Bí thư Đoàn phường",
        "Chủ tịch Hội Liên hiệp Phụ nữ phường", "Công chức Văn phòng Đảng ủy",
    ],
    committee_is_cell=True,
)

# Hướng dẫn 36-HD/VPTW: a province committee's documents carry its own name alone (its superior, the Central
# Committee, is not written above it), so the superior line is left empty.
PROVINCE = DemoShape(
    root_name="Đảng bộ tỉnh Hà Tĩnh",
    root_sector=Sector.OTHER,
    identity={
        "superior_name": "",
        "issuer_name": "Tỉnh ủy Hà Tĩnh",
        "committee_name": "Tỉnh ủy",
        "symbol": "TU",
        "place_name": "Hà Tĩnh",
    },
    committees=[
        (f"Đảng bộ xã {name}", Sector.COMMUNE)
        for name in ["Hồng Lam", "Sơn Kim", "Thạch Xuân", "Cẩm Trung", "Kỳ Hoa", "Đức Quang"]
    ]
    + [(f"Đảng bộ phường {name}", Sector.WARD) for name in ["Thành Sen", "Trần Phú"]],
    enterprises=["Công ty CP Cấp nước Hà Tĩnh", "Công ty TNHH MTV Xổ số kiến thiết Hà Tĩnh"],
    agencies=["Cơ quan Tỉnh ủy", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Cơ quan UBND tỉnh"],
    positions=[
        "Ủy viên BTV, Trưởng Ban Tổ chức Tỉnh ủy",
        "Ủy viên BTV, Chủ nhiệm UBKT Tỉnh ủy",
        "Phó Chủ tịch UBND tỉnh",
        "Tỉnh ủy viên, Giám đốc Sở Nội vụ",
        "Tỉnh ủy viên, Chánh Văn phòng Tỉnh ủy",
        "Phó Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "Giám đốc Sở Tài chính",
        "Phó Chủ tịch Ủy ban MTTQ tỉnh",
        "Chuyên viên Ban Tổ chức Tỉnh ủy",
        "Chuyên viên UBKT Tỉnh ủy",
        "Phó Bí thư Tỉnh đoàn",
        "Chủ tịch Hội Nông dân tỉnh",
    ],
)

SHAPES = {"town": TOWN, "ward": WARD, "province": PROVINCE}
