"""Uploaded files: kept under UPLOAD_FOLDER/imports/<sha256>, read through the pure pipeline with the app's limits."""
import hashlib
import re
import shutil
import tempfile
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from flask import current_app, g

import importers
from importers.errors import SHEET_NOT_FOUND
from importers.locating import fill_vertical_merges
from importers.parsing import HEADER_SPECS, convert_legacy_text
from importers.reading import json_cell, read_workbook
from importers.results import SheetData, Workbook
from importers.transposed import turn_transposed

from ..clock import local_today

CELL_REF = re.compile(r"^([A-Z]{1,3})([1-9][0-9]{0,6})$")


def import_folder() -> Path:
    """The folder holding every uploaded import file, named by content hash."""
    folder = Path(current_app.config["UPLOAD_FOLDER"]) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def store_file(source) -> tuple[str, int]:
    """Copy an uploaded stream (or a path) into the import folder; returns (sha256, size)."""
    digest, size = hashlib.sha256(), 0
    with tempfile.NamedTemporaryFile(dir=import_folder(), delete=False) as tmp:
        stream = open(source, "rb") if isinstance(source, (str, Path)) else source
        try:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
                tmp.write(chunk)
                size += len(chunk)
        finally:
            if isinstance(source, (str, Path)):
                stream.close()
    target = import_folder() / digest.hexdigest()
    if target.exists():
        Path(tmp.name).unlink()
    else:
        Path(tmp.name).replace(target)
    return digest.hexdigest(), size


def stored_path(sha256: str) -> Path:
    """Where the original file of a batch is kept."""
    return import_folder() / sha256


KNOWN_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv", ".txt")


@contextmanager
def readable(sha256: str, original_name: str | None):
    """The stored file under a name with its original extension (the reader picks the format by it)."""
    suffix = Path(original_name or "").suffix.lower()
    if suffix not in KNOWN_SUFFIXES:
        yield stored_path(sha256)
        return
    with tempfile.TemporaryDirectory() as folder:
        link = Path(folder) / f"upload{suffix}"
        try:
            link.symlink_to(stored_path(sha256))
        except OSError:  # Windows without the symlink privilege
            shutil.copyfile(stored_path(sha256), link)
        yield link


def limits() -> importers.Limits:
    """The importer limits taken from the app configuration."""
    config, mb = current_app.config, 1024 * 1024
    return importers.Limits(
        max_bytes=config["MAX_CONTENT_LENGTH"] or 50 * mb,
        max_decompressed_bytes=config["IMPORT_MAX_DECOMPRESSED_MB"] * mb,
        max_rows=config["IMPORT_MAX_ROWS"], max_cols=config["IMPORT_MAX_COLS"],
        max_seconds=config["IMPORT_MAX_SECONDS"], max_lengths=stored_lengths(),
    )


def stored_lengths() -> dict[str, int]:
    """Field → the length of the database column the field is written to (the one table the forms use too)."""
    from ..lengths import FIELD_LENGTHS

    return dict(FIELD_LENGTHS)


def split_ref(ref: str) -> tuple[int, int]:
    """0-based (row, column) of an A1-style reference."""
    match = CELL_REF.match(ref)
    if not match:
        raise ValueError(ref)
    letters, row = match.groups()
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(row) - 1, col - 1


def read_once(sha256: str, original_name: str | None, sheet: str | None = None,
              every_sheet: bool = False, keep: bool = True) -> Workbook:
    """The stored file as the pipeline's reader gives it (every sheet, or only `sheet`), read once per app context
    (a request, a job, a command): the pipeline, the copy carrying cell fixes, the preview's grid and the sheet list
    share one read. Keyed by the content hash, a kept read is never stale; callers copy the rows they change.
    `keep=False` uses a read already kept but keeps no new one (a commit shows no grid: its read is freed)."""
    reads = g.setdefault("import_reads", {})
    suffix = Path(original_name or "").suffix.lower()
    every = (sha256, suffix, None)
    key = every if sheet is None or every_sheet or every in reads else (sha256, suffix, sheet)
    book = reads.get(key)
    if book is None:
        with readable(sha256, original_name) as path:
            book = read_workbook(path, limits(), None, key[2])
        if keep:
            reads[key] = book
    if sheet is not None and book.format != "csv" and sheet not in [s.name for s in book.sheets]:
        raise importers.ImportFileError(SHEET_NOT_FOUND.format(name=sheet))  # as the reader refuses it
    return book


def _working_copy(book: Workbook, sheet: str | None) -> Workbook:
    """A copy of a kept read the pipeline may change in place (rows, merges), holding what the reader would have
    read for `sheet`: that sheet alone when one is named, else every sheet."""
    kept = [s for s in book.sheets if sheet is None or book.format == "csv" or s.name == sheet]
    return replace(book, sheets=[s.with_rows([list(row) for row in s.rows], merges=list(s.merges)) for s in kept])


def _patched_book(
    sha256: str, original_name: str | None, sheet: str | None, overrides: dict
) -> tuple[Workbook, str | None]:
    """The file as read, with the officer's cell fixes applied to the chosen sheet's grid in memory (its merged
    cells filled in first, so a fix inside a merged range stays); the kept read itself is never changed."""
    book = read_once(sha256, original_name, sheet, every_sheet=True)  # the preview reads the others
    chosen = next((s for s in book.sheets if s.name == sheet), book.sheets[0])
    rows = [list(row) for row in chosen.rows]
    fill_vertical_merges(rows, chosen.merges)
    for ref, value in overrides.items():
        r, c = split_ref(ref)
        while len(rows) <= r:
            rows.append([])
        rows[r].extend([None] * (c + 1 - len(rows[r])))
        rows[r][c] = value
    sheets = [s.with_rows(rows, merges=[]) if s is chosen else s.with_rows([list(row) for row in s.rows])
              for s in book.sheets]
    return replace(book, sheets=sheets), chosen.name


def parse(sha256: str, kind=None, sheet=None, mapping=None, overrides=None, original_name=None, layout=None):
    """Run the pure pipeline on a stored file (`layout` = the officer's corrections, importers.overrides); cell
    fixes (`overrides`) are applied to the grid read once, never written back to a file."""
    with readable(sha256, original_name) as path:
        if not overrides:  # the read kept for the preview (its grid and sheet list), on a copy
            named = (layout or {}).get("sheets")  # the officer's sheets: the pipeline takes each out of every sheet
            book = read_once(sha256, original_name, sheet, every_sheet=bool(named), keep=False)
            if any(book is kept for kept in g.get("import_reads", {}).values()):  # a read of its own is changed as is
                book = _working_copy(book, None if named else sheet)
            return importers.parse_file(path, kind=kind, sheet=sheet, mapping=mapping, limits=limits(),
                                        original_name=original_name, overrides=layout, book=book,
                                        today=local_today())
        book, patched_sheet = _patched_book(sha256, original_name, sheet, overrides)
        result = importers.parse_file(path, kind=kind, sheet=patched_sheet, mapping=mapping, limits=limits(),
                                      original_name=original_name, overrides=layout, book=book, today=local_today())
    result.sheet = sheet if sheet is not None else result.sheet
    return result


class Grid(Sequence):
    """A sheet's rows as lists of JSON-typed cells, each row converted when first asked for (the preview shows a
    few hundred rows of a sheet that may hold a hundred thousand)."""

    def __init__(self, rows: list[list]):
        self._rows, self._done = rows, {}

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._rows)))]
        position = index + len(self._rows) if index < 0 else index
        if not 0 <= position < len(self._rows):
            raise IndexError(index)
        if position not in self._done:
            self._done[position] = [json_cell(cell) for cell in self._rows[position]]
        return self._done[position]


def grid(sha256: str, sheet: str | None, original_name: str | None) -> Grid:
    """The chosen sheet's cells (JSON-typed, anchored at A1, legacy text decoded as `importers.inspect_file` does)
    for the preview and the failed-rows workbook; worked out once per app context, like the read itself."""
    grids = g.setdefault("import_grids", {})
    key = (sha256, Path(original_name or "").suffix.lower(), sheet)
    if key not in grids:
        grids[key] = Grid([])
        for item in read_once(sha256, original_name, sheet).sheets:
            if item.name == sheet or sheet is None:
                decoded = SheetData(name=item.name, rows=list(item.rows))  # the kept read's rows, never changed
                convert_legacy_text(decoded)
                turn_transposed([decoded], HEADER_SPECS)  # rows as the pipeline read them, so row numbers agree
                grids[key] = Grid(decoded.rows)
                break
    return grids[key]


def sheet_names(sha256: str, original_name: str | None) -> list[dict]:
    """Readable sheets of a stored file: name and visibility (empty for CSV)."""
    return [{"name": s.name, "visible": s.visible} for s in read_once(sha256, original_name).sheets
            if s.name is not None and not s.error]
