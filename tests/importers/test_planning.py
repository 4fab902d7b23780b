"""Planning is pure: records plus a snapshot in, create/update/unchanged/skip out; namesakes never merged."""

from dataclasses import dataclass

import pandas as pd

from importers import plan_import


@dataclass
class FakeResult:
    kind: str
    rows: list

    def records(self):
        return pd.DataFrame(self.rows).to_dict("records")


def roster(**fields):
    record = {"full_name": "Nguyễn Văn An", "birth_date": "1977-01-02", "position": None,
              "group": "Đoàn công tác số 1", "role": "member", "unit": None, "phone": None}
    record.update(fields)
    return record


EXISTING = {
    "persons": [
        {"id": 1, "full_name": "Nguyen Van An", "birth_date": "1977-01-02", "phone": None, "position": None},
        {"id": 2, "full_name": "Lê Thị Bình", "birth_date": None, "phone": "0912345678", "position": "Chuyên viên"},
        {"id": 3, "full_name": "Trần Văn Cường", "birth_date": None, "phone": None, "position": None},
        {"id": 4, "full_name": "Trần Văn Cường", "birth_date": None, "phone": None, "position": None},
    ],
    "units": [{"id": 10, "name": "Đảng bộ phường Bắc Hồng"}],
    "groups": [{"id": 20, "name": "Đoàn công tác số 1"}],
}


def test_person_matches_by_name_without_diacritics_and_birth_date():
    plan = plan_import(FakeResult("roster", [roster()]), EXISTING)
    assert (plan.items[0].action, plan.items[0].person_id) == ("unchanged", 1)


def test_changed_fields_make_an_update_with_before_and_after():
    plan = plan_import(FakeResult("roster", [roster(full_name="Lê Thị Bình", birth_date=None, phone="0912345678",
                                                    position="Phó Chánh Văn phòng")]), EXISTING)
    item = plan.items[0]
    assert (item.action, item.person_id) == ("update", 2)
    assert item.changes == {"position": {"before": "Chuyên viên", "after": "Phó Chánh Văn phòng"}}


def test_namesakes_are_reported_as_ambiguous_never_merged():
    plan = plan_import(FakeResult("roster", [roster(full_name="Trần Văn Cường", birth_date="1980-05-05")]), EXISTING)
    assert plan.items[0].action == "skip"
    assert plan.items[0].candidates == [3, 4]
    assert plan.ambiguous == plan.items


def test_a_namesake_with_another_birth_date_is_a_new_person():
    plan = plan_import(FakeResult("roster", [roster(birth_date="1990-01-01")]), EXISTING)
    assert plan.items[0].action == "create"


def test_unknown_units_get_close_suggestions_and_duplicates_are_skipped():
    records = [roster(full_name="Hồ Anh Phong", unit="Đảng bộ phường Bắc Hồng 2")] * 2
    plan = plan_import(FakeResult("roster", records), EXISTING)
    assert plan.items[0].suggestions == {"unit": ["Đảng bộ phường Bắc Hồng"]}
    assert plan.counts() == {"create": 1, "skip": 1}


def test_attendance_of_unknown_people_is_skipped():
    rows = [{"full_name": "Nguyễn Văn An", "date": "2025-01-01", "status": "present", "unit": None},
            {"full_name": "Người Lạ", "date": "2025-01-01", "status": "present", "unit": None}]
    plan = plan_import(FakeResult("attendance", rows), EXISTING)
    assert [(item.action, item.person_id) for item in plan.items] == [("create", 1), ("skip", None)]


def test_attendance_namesakes_are_told_apart_by_their_home_unit():
    existing = {**EXISTING, "persons": [{**p, "home_unit_id": 10 if p["id"] == 4 else None}
                                        for p in EXISTING["persons"]]}
    mark = {"full_name": "Trần Văn Cường", "unit": "Đảng bộ phường Bắc Hồng", "date": "2026-03-05",
            "status": "present"}
    plan = plan_import(FakeResult("attendance", [mark, {**mark, "unit": "Chi bộ khác", "date": "2026-04-05"}]),
                       existing)
    assert (plan.items[0].action, plan.items[0].person_id) == ("create", 4)
    assert plan.items[1].action == "skip" and plan.items[1].candidates == [3, 4]
