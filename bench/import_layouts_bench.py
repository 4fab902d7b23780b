"""Accuracy bench for generated layouts (issue #11): how many generated files the importer reads exactly.

Usage: python bench/import_layouts_bench.py [--count 2000] [--seed 0] [--out DIR] [--top 40] [--repo PATH]

--repo reads with another checkout's importers package (e.g. the main worktree) against this generator.

Seeds seed .. seed+count-1 each compose layout families into one file (tests/importers/layouts); every file is
read with importers.parse_file (kind auto-detected). Prints exact-file accuracy (kind, records, sheet and header
row all equal), record-level accuracy (expected records found, as a multiset, over expected records), and the
families sorted by failure rate with one failing seed each (regenerate it with layouts.generate(seed, dir)).
"""
import argparse
import collections
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _import(repo: Path):
    """(ImportFileError, parse_file, generate) with `repo`'s importers and this checkout's generator."""
    sys.path[:0] = [str(repo), str(ROOT / "tests" / "importers")]
    global ImportFileError, parse_file, generate
    from layouts import generate

    from importers import ImportFileError, parse_file


def _key(record: dict) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def check(generated) -> tuple[bool, int, str]:
    """(file exact, expected records found, failure reason)."""
    try:
        result = parse_file(generated.path)
    except ImportFileError as error:
        return False, 0, f"ImportFileError: {error.message}"
    except Exception as error:  # noqa: BLE001  (a crash is a finding, not a bench failure)
        return False, 0, f"crash: {type(error).__name__}: {error}"
    records = result.records() if result.kind == generated.kind else []
    found = collections.Counter(map(_key, records))
    hits = sum(min(n, found[k]) for k, n in collections.Counter(map(_key, generated.records)).items())
    if result.kind != generated.kind:
        return False, 0, f"kind {result.kind} != {generated.kind}"
    if records != generated.records:
        return False, hits, "records differ"
    if (result.sheet, result.header_row) != (generated.sheet, generated.header_row):
        return False, hits, "sheet/header_row differ"
    return True, hits, ""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="keep the generated files here")
    parser.add_argument("--top", type=int, default=40, help="families shown")
    parser.add_argument("--repo", type=Path, default=ROOT, help="checkout whose importers package is read with")
    args = parser.parse_args(argv)
    _import(args.repo.resolve())
    out = args.out or Path(tempfile.mkdtemp(prefix="layouts-bench-"))
    out.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    exact = expected = found = 0
    seen, failed, example = collections.Counter(), collections.Counter(), {}
    reasons = collections.Counter()
    for seed in range(args.seed, args.seed + args.count):
        generated = generate(seed, out)
        ok, hits, reason = check(generated)
        exact += ok
        expected += len(generated.records)
        found += hits
        if not ok:
            reasons[reason.split(":")[0] if reason.startswith("crash") else reason[:90]] += 1
        for family in generated.families:
            seen[family] += 1
            if not ok:
                failed[family] += 1
                example.setdefault(family, seed)
        if not args.out:
            generated.path.unlink()
    elapsed = time.perf_counter() - started

    import importers

    print(f"importers from {Path(importers.__file__).parent}")
    print(f"{args.count} files (seeds {args.seed}..{args.seed + args.count - 1}) in {elapsed:.1f} s")
    print(f"exact files:  {exact}/{args.count} = {exact / args.count:.1%}")
    print(f"records found: {found}/{expected} = {found / max(expected, 1):.1%}")
    print("\nfailure reasons:")
    for reason, n in reasons.most_common(10):
        print(f"  {n:5d}  {reason}")
    print(f"\n{'family=option':55s} {'files':>6s} {'failed':>7s} {'rate':>6s}  example seed")
    ranked = sorted(seen, key=lambda f: (-failed[f] / seen[f], -seen[f], f))
    for family in ranked[:args.top]:
        rate = failed[family] / seen[family]
        print(f"{family:55s} {seen[family]:6d} {failed[family]:7d} {rate:6.1%}  {example.get(family, '-')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
