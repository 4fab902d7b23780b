"""Benchmark: a 100,000-row wide attendance register (over a million marks) read bare, dry-run and committed.

Usage: python bench/import_bench.py [--rows 100000] [--out /tmp/import-bench] [--repeat 3]

Each step runs as a whole process (what an officer or the CLI would start); wall time, the child's CPU time and
its peak RSS (os.wait4 rusage) are reported; each step runs --repeat times (the commit into a fresh empty database
each time) and the medians are compared with the targets: dry run <= 1.5x the bare read, commit <= 8x, peak RSS
< 450 MB (issues #11, #19). On a loaded machine the CPU-time ratios are the steadier figure.
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FLASK = str(Path(PYTHON).with_name("flask"))
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Minh", "Hữu", "Đức", "Thanh", "Ngọc", "Quang", "Xuân", "Thu", "Kim", "Anh"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Khánh", "Lan",
         "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tú", "Tuấn",
         "Vân", "Việt", "Yến"]
MARKS = ["x"] * 80 + ["P"] * 8 + ["K"] * 4 + ["M"] * 3 + [None] * 5
PER_UNIT = 200


def generate(path: Path, rows: int, seed: int = 2025) -> None:
    """Title block, 'Tháng' merged over T1..T12 (two header rows), one row per member, legend, signature."""
    from openpyxl import Workbook
    from openpyxl.worksheet.cell_range import CellRange

    rng = random.Random(seed)
    names = [f"{f} {m} {g}" for f in FAMILY for m in MIDDLE for g in GIVEN]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Theo dõi SHCB")
    sheet.merged_cells.ranges = [CellRange("D5:O5")]  # "Tháng" over T1..T12
    sheet.append(["ĐẢNG BỘ THỊ XÃ HỒNG SƠN"])
    sheet.append(["ĐẢNG CỘNG SẢN VIỆT NAM"])
    sheet.append(["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Chi bộ", "Tháng"] + [None] * 11)
    sheet.append([None, None, None] + [f"T{m}" for m in range(1, 13)])
    for unit_start in range(0, rows, PER_UNIT):
        unit = f"Chi bộ Tổ dân phố {unit_start // PER_UNIT + 1}"
        for number, name in enumerate(rng.sample(names, min(PER_UNIT, rows - unit_start)), unit_start + 1):
            sheet.append([number, name, unit] + [rng.choice(MARKS) for _ in range(12)])
    sheet.append([])
    sheet.append(["Ghi chú: x = có mặt; P = vắng có phép; K = vắng không phép; M = đi muộn"])
    sheet.append([None, "Người lập biểu"])
    book.save(path)


def run(label: str, argv: list[str], env: dict) -> dict:
    """Run one step as a child process; wall time and that child's own peak RSS (os.wait4 rusage)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    peak_mb, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    if child.returncode != 0:
        raise SystemExit(f"{label} failed ({child.returncode}):\n{stderr[-2000:]}\n{stdout[-500:]}")
    print(f"{label:<34} {seconds:8.2f} s   cpu {cpu:7.2f} s   peak RSS {peak_mb:7.1f} MB", flush=True)
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "stdout": stdout}


def median_run(label: str, argv: list[str], env: dict, repeat: int, before=None) -> dict:
    """Run a step `repeat` times; the median wall and CPU times, the largest peak RSS and the last output."""
    runs = []
    for _ in range(repeat):
        if before:
            before()
        runs.append(run(label, argv, env))
    return {"seconds": statistics.median(r["seconds"] for r in runs), "cpu": statistics.median(r["cpu"] for r in runs),
            "peak_mb": max(r["peak_mb"] for r in runs), "stdout": runs[-1]["stdout"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--out", default="/tmp/import-bench")
    parser.add_argument("--repeat", type=int, default=3, help="runs per step; medians are compared (default 3)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"attendance-{args.rows}.xlsx"
    if not path.exists():
        start = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {path} ({path.stat().st_size / 2**20:.1f} MB) in {time.perf_counter() - start:.1f} s")
    instance = out / "instance"
    env = {**os.environ, "INSTANCE_PATH": str(instance), "PYTHONWARNINGS": "ignore"}
    env.pop("DATABASE_URL", None)

    def empty_database() -> None:
        shutil.rmtree(instance, ignore_errors=True)
        subprocess.run([FLASK, "--app", "wsgi", "db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True)

    bare = median_run("calamine bare read", [PYTHON, "-c", (
        "import sys, python_calamine as c; b = c.CalamineWorkbook.from_path(sys.argv[1]); "
        "rows = b.get_sheet_by_name(b.sheet_names[0]).to_python(skip_empty_area=False); print(len(rows))"),
        str(path)], env, args.repeat)
    empty_database()  # the dry run checks units, heads and persons against the database, like the web preview
    dry = median_run("flask import --dry-run --summary", [FLASK, "--app", "wsgi", "import", str(path), "--kind",
                                                          "attendance", "--dry-run", "--json", "--summary"],
                     env, args.repeat)
    records = json.loads(dry["stdout"])["record_count"]
    commit = median_run("flask import (commit, SQLite)", [FLASK, "--app", "wsgi", "import", str(path), "--kind",
                                                          "attendance", "--json", "--create-persons", "--create-units"],
                        env, args.repeat, before=empty_database)
    receipt = json.loads(commit["stdout"])
    print(f"records: {records}; created: {receipt['counts']['created']}; rows failed: {receipt['counts']['failed']}")
    print(f"medians of {args.repeat}: bare read {bare['seconds']:.2f} s, dry run {dry['seconds']:.2f} s, "
          f"commit {commit['seconds']:.2f} s")
    print(f"medians of CPU time: bare read {bare['cpu']:.2f} s, dry run {dry['cpu']:.2f} s, "
          f"commit {commit['cpu']:.2f} s")
    print(f"dry run / bare read: {dry['seconds'] / bare['seconds']:.2f}x (CPU {dry['cpu'] / bare['cpu']:.2f}x; "
          "target <= 1.5x)")
    print(f"commit  / bare read: {commit['seconds'] / bare['seconds']:.2f}x (CPU {commit['cpu'] / bare['cpu']:.2f}x; "
          "target <= 8x)")
    print(f"peak RSS: {max(dry['peak_mb'], commit['peak_mb']):.0f} MB (target < 450 MB)")


if __name__ == "__main__":
    main()
