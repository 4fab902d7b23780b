"""A sheet under construction: value rows, merges, visibility; plus title/signature/spacer helpers."""

from dataclasses import dataclass, field


@dataclass
class Sheet:
    name: str
    width: int = 1
    rows: list = field(default_factory=list)
    merges: list = field(default_factory=list)  # (row0, col0, row1, col1), 0-based inclusive
    hidden: bool = False

    def add(self, values=()) -> int:
        self.rows.append(list(values))
        return len(self.rows) - 1

    def merge(self, r0, c0, r1, c1):
        if (r0, c0) != (r1, c1):
            self.merges.append((r0, c0, r1, c1))

    def padded(self) -> list[list]:
        width = max([self.width] + [len(r) for r in self.rows])
        return [r + [None] * (width - len(r)) for r in self.rows]

    def add_banner(self, text) -> int:
        """A row whose text spans the whole table width (merged)."""
        row = self.add([text])
        self.merge(row, 0, row, self.width - 1)
        return row

    def add_title_rows(self, rows):
        half = max(1, self.width // 2)
        for item in rows:
            if item is None:
                self.add()
            elif isinstance(item, tuple) and self.width < 2:
                for text in item:
                    self.add([text])
            elif isinstance(item, tuple):
                row = self.add([item[0]] + [None] * (half - 1) + [item[1]])
                self.merge(row, 0, row, half - 1)
                self.merge(row, half, row, self.width - 1)
            else:
                self.add_banner(item)


SIGNATURES = {
    "none": [],
    "bi_thu": [("Người lập biểu", "T/M BAN THƯỜNG VỤ"), (None, "BÍ THƯ")],
    "pho_bi_thu": [(None, "T/M BAN THƯỜNG VỤ"), (None, "PHÓ BÍ THƯ THƯỜNG TRỰC"), None, (None, "Nguyễn Văn Ký")],
    "chi_uy": [("Người lập biểu", "T/M CHI ỦY"), (None, "BÍ THƯ"), None, ("Lê Thị Lập", "Trần Văn Ký")],
}


def add_signature(pick, sheet: Sheet):
    rows = pick.pick("signature", SIGNATURES)
    if rows:
        sheet.add()
        sheet.add_title_rows(rows)
