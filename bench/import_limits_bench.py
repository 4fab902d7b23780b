"""Benchmark: a 450 MB-inflating xlsx (zip bomb of repeated rows) parsed as a dry run in a child; peak RSS and message.

Usage: python bench/import_limits_bench.py [--mb 450] [--out /tmp/import-limits-bench]

The sheet XML is streamed into the zip (never held whole), so generating it stays small too; the dry run is
`importers.parse_file` with the default Limits, in a subprocess whose peak RSS (RUSAGE_CHILDREN) is reported
against the 300 MB target.
"""
import argparse
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 300
PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
    '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
    'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
    'name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
# rows without r= numbers are valid (each follows the previous) and identical, so they deflate ~300:1
ROW = ('<row><c t="inlineStr"><is><t>Nguyễn Văn An</t></is></c>'
       '<c t="inlineStr"><is><t>Đoàn công tác số 1</t></is></c></row>')
CHILD = """
import sys
from importers import ImportFileError, parse_file
try:
    result = parse_file(sys.argv[1], kind="roster")
    print("parsed", len(result.records))
except ImportFileError as exc:
    print(exc.message)
"""


def generate(path: Path, megabytes: int) -> None:
    """Write the bomb: one sheet whose XML is `megabytes` MB of rows, deflated at level 9."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                        b'2006/main"><sheetData>')
            block, written = (ROW * 10_000).encode(), 0
            while written < megabytes * 2**20:
                sheet.write(block)
                written += len(block)
            sheet.write(b"</sheetData></worksheet>")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=450)
    parser.add_argument("--out", type=Path, default=Path("/tmp/import-limits-bench"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"bomb-{args.mb}mb.xlsx"
    if not path.exists():
        generate(path, args.mb)
    with zipfile.ZipFile(path) as archive:
        inflated = sum(member.file_size for member in archive.infolist())
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, capture_output=True, text=True)
    seconds = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"file {path.stat().st_size / 2**20:.1f} MB, inflates to {inflated / 2**20:.0f} MB")
    print(f"dry run: {seconds:.1f} s, peak RSS {peak_mb:.0f} MB (target < {TARGET_MB} MB), exit {done.returncode}")
    print(f"message: {(done.stdout or done.stderr).strip()[-300:]}")
    sys.exit(0 if peak_mb < TARGET_MB and done.returncode == 0 else 1)


if __name__ == "__main__":
    main()
