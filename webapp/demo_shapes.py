"""The shapes `flask demo` can load: a town Party committee over its wards and communes, or (since district-level
committees ended on 1/7/2025) a ward Party committee whose groups follow its cells. Every name is fictional data."""
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
    root_name="Đảng bộ thị xã Hồng Sơn", root_sector=Sector.TOWN,
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

SHAPES = {"town": TOWN, "ward": WARD}
