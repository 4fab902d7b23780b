"""Command line: `import FILE --kind roster|attendance|targets [--sheet S] [--today YYYY-MM-DD] --dry-run --json
[--summary]` and `inspect-sheet FILE [--sheet S] --json`; prints exactly one JSON object on stdout. `--today` is
the reference day of the plausibility checks (`flask import` passes the app clock's date)."""

import argparse
import json
import signal
import sys
import warnings
from datetime import date

from . import errors as msg
from .errors import ImportFileError
from .kinds import KINDS
from .limits import Limits
from .parsing import inspect_file, parse_file, wait_for_preload

EXIT_OK, EXIT_UNIMPORTABLE = 0, 2
COMMANDS = ("import", "inspect-sheet")


class _ArgumentError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # never print usage/tracebacks; report as JSON instead
        raise _ArgumentError(message)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày '{text}' không đúng dạng YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for both sub-commands."""
    parser = _Parser(prog="importers", add_help=False)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    run = sub.add_parser("import", add_help=False)
    run.add_argument("file")
    run.add_argument("--kind", choices=KINDS)
    run.add_argument("--sheet")
    run.add_argument("--mapping", help="JSON object field -> column letter/index")
    run.add_argument("--dry-run", action="store_true")
    run.add_argument("--json", action="store_true")
    run.add_argument("--summary", action="store_true")
    run.add_argument("--today", type=_day, help="reference day of the plausibility checks (YYYY-MM-DD)")
    look = sub.add_parser("inspect-sheet", add_help=False)
    look.add_argument("file")
    look.add_argument("--sheet")
    look.add_argument("--json", action="store_true")
    return parser


def import_payload(args) -> dict:
    """The JSON object for `import`."""
    mapping = json.loads(args.mapping) if args.mapping else None
    result = parse_file(args.file, kind=args.kind, sheet=args.sheet, mapping=mapping, today=args.today)
    payload = {"kind": result.kind, "sheet": result.sheet, "header_row": result.header_row}
    if args.summary:
        payload["record_count"] = result.record_count
    else:
        payload["records"] = result.records()
    payload["errors"] = result.errors
    payload["warnings"] = result.warnings
    return payload


def inspect_payload(args) -> dict:
    """The JSON object for `inspect-sheet`."""
    return inspect_file(args.file, sheet=args.sheet)


def _on_alarm(signum, frame):
    raise ImportFileError(msg.TOO_SLOW.format(limit=int(Limits().max_seconds)))


def _run(argv: list[str]) -> tuple[dict, int]:
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv = ["import", *argv]  # `python -m importers FILE ...` means import
    try:
        args = build_parser().parse_args(argv)
    except _ArgumentError as exc:
        return {"error": f"Tham số dòng lệnh không hợp lệ: {exc}"}, EXIT_UNIMPORTABLE
    if args.command is None:
        return {"error": "Thiếu lệnh: dùng 'import' hoặc 'inspect-sheet'."}, EXIT_UNIMPORTABLE
    payload = import_payload(args) if args.command == "import" else inspect_payload(args)
    return payload, EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns 0 when the file was read (even with row errors), 2 when it cannot be imported."""
    argv = sys.argv[1:] if argv is None else list(argv)
    warnings.simplefilter("ignore")
    previous = signal.signal(signal.SIGALRM, _on_alarm) if hasattr(signal, "SIGALRM") else None
    if previous is not None:
        signal.alarm(int(Limits().max_seconds) + 1)
    try:
        payload, code = _run(argv)
    except ImportFileError as exc:
        payload, code = {"error": exc.message}, EXIT_UNIMPORTABLE
    except MemoryError:
        payload, code = {"error": msg.UNEXPECTED.format(detail="không đủ bộ nhớ để đọc tệp")}, EXIT_UNIMPORTABLE
    except Exception as exc:  # the contract: never a traceback, always one JSON object
        payload, code = {"error": msg.UNEXPECTED.format(detail=type(exc).__name__)}, EXIT_UNIMPORTABLE
    finally:
        wait_for_preload()
        if previous is not None:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
    _emit(payload)
    return code


def _emit(payload: dict) -> None:
    text = json.dumps(payload, ensure_ascii=False, default=str)
    stream = sys.stdout
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")
    stream.write(text + "\n")
    stream.flush()
