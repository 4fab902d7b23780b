"""Benchmark: bare python-calamine read vs the full attendance import of a 100,000-person wide register.

Generates bench/out/attendance_wide_100k.xlsx (title block, 'Tháng' merged over T1..T12, legend) with openpyxl's
write-only mode, then times both as whole processes and prints wall time and peak RSS of each.

    /work/main/.venv/bin/python bench/import_read_bench.py [--rows 100000] [--repeat 3]
"""

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
MARKS = ["x"] * 14 + ["P", "K", "M", ""]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLES = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Đức", "Thanh", "Quang", "Kim", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Giang", "Hạnh", "Hùng", "Lan", "Long", "Mai", "Nga", "Phúc", "Thảo",
         "Tuấn", "Vinh", "Yến", "Ước", "Ổn"]
BARE_READ = (
    "import sys, python_calamine as pc\n"
    "book = pc.CalamineWorkbook.from_path(sys.argv[1])\n"
    "rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)\n"
    "print(len(rows))\n"
)


def person_name(rng: random.Random) -> str:
    """A fictional Vietnamese full name; one in twenty in ALL CAPS as offices type heads' names."""
    name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
    return name.upper() if rng.random() < 0.05 else name


def generate(path: Path, rows: int, seed: int = 2025) -> None:
    """Write the wide attendance register with openpyxl's write-only mode."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Theo dõi SHCB")
    blank15 = [None] * 15
    sheet.append(["ĐẢNG BỘ PHƯỜNG BẮC HỒNG", None, None, None, None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"])
    sheet.append(["ĐẢNG ỦY PHƯỜNG BẮC HỒNG"])
    sheet.append([None] * 7 + ["Bắc Hồng, ngày 31 tháng 12 năm 2025"])
    sheet.append(["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"])
    sheet.append(blank15)
    sheet.append(["STT", "Họ và tên", "Chi bộ", "Tháng"] + [None] * 11)
    sheet.append([None, None, None] + [f"T{month}" for month in range(1, 13)])
    for number in range(1, rows + 1):
        unit = f"Chi bộ Tổ dân phố {1 + number // 500}"
        sheet.append([number, person_name(rng), unit] + [rng.choice(MARKS) or None for _ in range(12)])
    sheet.append(blank15)
    sheet.append(["Ghi chú: x - có mặt; P - vắng có phép; K - vắng không phép; M - đi muộn"])
    sheet.append(blank15)
    sheet.append(["Người lập biểu", None, None, None, None, None, None, "T/M CHI ỦY"])
    for merged in ("A1:C1", "H1:N1", "A4:O4", "D6:O6", "A6:A7", "B6:B7", "C6:C7"):
        sheet.merged_cells.add(merged)  # "Tháng" over T1..T12, STT/name/unit over both header rows
    book.save(path)


def run(argv: list[str]) -> tuple[float, float, float, str]:
    """Run a process; return wall seconds, peak RSS in MB, CPU seconds (user+system) and the last stdout line."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    out, err = process.stdout.read(), process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{argv} failed ({process.returncode}): {err.decode()[-500:]} {out.decode()[-500:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, usage.ru_maxrss / 1024, cpu, out.decode().strip().splitlines()[-1][:200]


def main() -> None:
    """Generate the file when missing, then time both processes and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    path = OUT / f"attendance_wide_{args.rows // 1000}k.xlsx"
    if not path.exists():
        start = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {path.name} ({path.stat().st_size / 2**20:.1f} MB) in {time.perf_counter() - start:.1f} s")
    bare = [sys.executable, "-c", BARE_READ, str(path)]
    full = [sys.executable, "-m", "importers", "import", str(path), "--kind", "attendance", "--dry-run", "--json",
            "--summary"]
    results = {}
    for label, argv in (("calamine bare read", bare), ("importers import --summary", full)):
        runs = [run(argv) for _ in range(args.repeat)]
        best = min(runs)
        cpu = min(r[2] for r in runs)
        print(f"{label:28s} best wall {best[0]:6.2f} s  cpu {cpu:6.2f} s  peak RSS {max(r[1] for r in runs):7.1f} MB"
              f"  -> {best[3]}")
        results[label] = (best[0], cpu)
    bare, full = results["calamine bare read"], results["importers import --summary"]
    print(f"ratio import/bare read: wall {full[0] / bare[0]:.2f}x, cpu {full[1] / bare[1]:.2f}x (target <= 2.0x); "
          "peak RSS target < 500 MB")


if __name__ == "__main__":
    main()
