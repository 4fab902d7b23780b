"""The layout generator is right where the pipeline is known good: a01-like rosters and a06-like registers."""

import pytest
from layouts import generate
from layouts.profiles import PROFILES

from importers import parse_file


@pytest.mark.parametrize("profile", sorted(PROFILES))
@pytest.mark.parametrize("seed", range(5))
def test_known_good_layouts_parse_exactly(tmp_path, profile, seed):
    generated = generate(seed, tmp_path, fixed=PROFILES[profile])
    assert all(f"{family}={option}" in generated.families for family, option in PROFILES[profile].items())
    result = parse_file(generated.path)
    assert result.records() == generated.records
    assert (result.kind, result.sheet, result.header_row) == (generated.kind, generated.sheet, generated.header_row)
    assert result.errors == []
