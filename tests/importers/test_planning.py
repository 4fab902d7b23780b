"""Who a record is: the one matching rule of the import commit, pure over frames; namesakes never merged."""

import pandas as pd

from importers.normalising import fold
from importers.planning import AMBIGUOUS, match_attendance_persons, match_roster_persons

PERSONS = pd.DataFrame({
    "id": [1, 2, 3, 4],
    "search_key": [fold(n) for n in ("Nguyen Van An", "Lê Thị Bình", "Trần Văn Cường", "Trần Văn Cường")],
    "birth_date": ["1977-01-02", None, None, None],
    "phone": [None, "0912345678", None, None],
    "home_unit_id": [None, None, None, 10],
}, dtype=object)


def _roster(*records):
    return pd.DataFrame([{"key": fold(name), "birth_date": birth, "phone": phone} for name, birth, phone in records],
                        dtype=object)


def test_a_person_matches_by_name_without_diacritics_and_birth_date_or_phone():
    ids, problems = match_roster_persons(_roster(("Nguyễn Văn An", "1977-01-02", None),
                                                 ("Lê Thị Bình", None, "0912345678")), PERSONS)
    assert ids.tolist() == [1.0, 2.0] and problems.isna().all()


def test_namesakes_are_reported_as_ambiguous_never_merged():
    ids, problems = match_roster_persons(_roster(("Trần Văn Cường", "1980-05-05", None)), PERSONS)
    assert ids.isna().all() and problems.tolist() == [AMBIGUOUS]


def test_a_namesake_with_another_birth_date_is_a_new_person():
    ids, problems = match_roster_persons(_roster(("Nguyễn Văn An", "1990-01-01", None)), PERSONS)
    assert ids.isna().all() and problems.isna().all()


def test_attendance_namesakes_are_told_apart_by_their_home_unit_and_strangers_are_unknown():
    records = pd.DataFrame({"key": [fold("Trần Văn Cường"), fold("Trần Văn Cường"), fold("Người Lạ")],
                            "unit_id": [10, 99, None]}, dtype=object)
    ids, problems = match_attendance_persons(records, PERSONS)
    assert ids.iloc[0] == 4 and problems.iloc[1] == AMBIGUOUS and pd.isna(ids.iloc[2]) and pd.isna(problems.iloc[2])
