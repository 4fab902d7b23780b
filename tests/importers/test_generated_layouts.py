"""Generated layouts (issue #11): each seed composes layout families into a file whose exact records are known.

Failures are expected while the pipeline learns families; the test id is the seed and the assertion message
names the file's families, so `python bench/import_layouts_bench.py` can rank them. Set LAYOUTS_COUNT to run more.
"""

import os

import pytest
from layouts import generate

from importers import parse_file

pytestmark = pytest.mark.layouts

COUNT = int(os.environ.get("LAYOUTS_COUNT", "200"))


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("layouts")


@pytest.mark.parametrize("seed", range(COUNT))
def test_generated_layout_parses_exactly(out_dir, seed):
    generated = generate(seed, out_dir)
    families = ", ".join(generated.families)
    result = parse_file(generated.path)
    assert result.kind == generated.kind, families
    assert result.records() == generated.records, families
    assert (result.sheet, result.header_row) == (generated.sheet, generated.header_row), families
