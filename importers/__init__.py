"""Pure spreadsheet import pipeline for doancongtac: a file in, validated records out (no Flask, no database).

Public API (stable; the webapp and the CLI call exactly this):

- ``parse_file(path, kind=None, sheet=None, mapping=None, limits=None, original_name=None, overrides=None)
  -> ParseResult`` — kind "roster" | "attendance" | "targets" | None (detected); the format is sniffed from the
  content. ``overrides`` are the officer's corrections as plain data (``importers.overrides``,
  ``importers.corrections``).
- ``ParseResult`` (``importers.results``) — kind, sheet(s), header_row, columns, signature, frame and records()
  (the canonical fields: roster full_name, birth_date, position, group, role, unit, phone; attendance full_name,
  date, status, unit), errors / warnings ({sheet, row, column, field, value, message}, Vietnamese), rows (the
  accounting of every data row), legacy_conversions, year, inferences, blocks (where the rows of a block under a
  header row of its own were read: ``importers.block_headers``).
- ``ImportFileError`` — a file that cannot be imported at all; ``.message`` says why in Vietnamese.
- ``Limits`` — size, row, column and time limits; ``inspect_file`` — a workbook's sheets as JSON-typed grids.
- ``importers.planning`` — who a record is (the one matching rule the webapp's import commit applies);
  ``importers.cli.main`` — the JSON command line (``python -m importers``).

Stages, each in its own modules: reading (``reading``, ``workbook_sheets``, ``legacy``) → locating (``locating``,
``sheets``) → mapping (``mapping``, ``column_types``) → normalising and validating per kind (``kinds/*``,
``normalising``, ``validating``) → plausibility (``plausibility/*``) → results; ``parsing`` runs them in order.

Every reading family (a layout, wording or habit of office spreadsheets) is one module whose docstring says what it
reads and what it refuses; docs/IMPORTER.md lists them all with the module that reads each.
"""

from .errors import ImportFileError
from .limits import Limits
from .parsing import inspect_file, parse_file
from .results import ParseResult

__all__ = ["ImportFileError", "Limits", "ParseResult", "inspect_file", "parse_file"]
