"""Every unit match is exact or confirmed: the values table, the officer's one-step confirmations, the commit's
refusal while a near match is unconfirmed, units that share a name across wards, and ending a group's head."""
from datetime import date
from html import unescape

import pytest
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.imports.matching import UnitIndex
from webapp.models import Assignment, ImportBatch, MemberRole, Membership, Person, Role, Sector, Unit, UnitKind
from webapp.names import fold

from .conftest import COMMIT, ROSTER_HEADERS, batch_id_of, write_xlsx

NEAR = "Chi bộ Trường Tiểu học Bắc Sơn"
EXISTING = "Chi bộ Trường Tiểu học Bắc Hồng"


@pytest.fixture
def admin(as_role):
    return as_role(Role.ADMIN)


@pytest.fixture
def wards(root_unit, term, make_unit):
    """Two wards, each with its own "Chi bộ Tổ dân phố 1", and a school cell in the second."""
    son = make_unit("Đảng bộ phường Bắc Sơn", UnitKind.PARTY_COMMITTEE, Sector.WARD, parent=root_unit)
    hong = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, parent=root_unit)
    return {"root": root_unit, "son": son, "hong": hong,
            "son_1": make_unit("Chi bộ Tổ dân phố 1", parent=son),
            "hong_1": make_unit("Chi bộ Tổ dân phố 1", parent=hong),
            "school": make_unit(EXISTING, parent=hong),
            "police": make_unit("Chi bộ Công an thị xã", parent=root_unit)}


def roster(tmp_path, unit_texts, name="ds.xlsx"):
    people = [("Phạm Văn Khải", "12/04/1970", "Trưởng đoàn"), ("Đỗ Thị Mai", "03/09/1982", "Thành viên"),
              ("Lý Văn Tâm", "20/01/1979", "Thành viên")]
    rows = [[i + 1, who, born, "", "Đoàn công tác số 7", role, unit, ""]
            for i, ((who, born, role), unit) in enumerate(zip(people, unit_texts))]
    return write_xlsx(tmp_path / name, ROSTER_HEADERS, rows)


def upload_batch(client, path) -> int:
    with open(path, "rb") as handle:
        response = client.post("/imports/", data={"file": (handle, path.name), "kind": "roster"},
                               content_type="multipart/form-data", follow_redirects=True)
    batch_id = batch_id_of(response)
    client.post(f"/imports/{batch_id}/commit", data={**COMMIT, "action": "check"})  # the start date in the term
    return batch_id


def commit(client, batch_id, **extra):
    return client.post(f"/imports/{batch_id}/commit", data={**COMMIT, **extra}, headers={"HX-Request": "true"})


def confirm(client, batch_id, section, key, choice, **extra):
    return client.post(f"/imports/{batch_id}/values", data={"section": section, "key": key, "choice": choice, **extra},
                       headers={"HX-Request": "true"})


def unit_lines(batch_id) -> dict:
    db.session.expire_all()
    return {line["text"]: line for line in db.session.get(ImportBatch, batch_id).summary["values"]["units"]}


def assigned_units() -> set[int]:
    return set(db.session.scalars(select(Assignment.unit_id)))


def test_a_near_match_is_a_suggestion_and_the_commit_refuses_until_it_is_confirmed_as_new(client, admin, wards,
                                                                                           tmp_path):
    batch_id = upload_batch(client, roster(tmp_path, [NEAR, NEAR, "Chi bộ Tổ dân phố 1 phường Bắc Sơn"]))
    line = unit_lines(batch_id)[NEAR]
    assert line["state"] == "confirm" and line["count"] == 2
    assert [s["id"] for s in line["suggestions"]][0] == wards["school"].id
    assert line["suggestions"][0]["label"] == f"Đảng bộ phường Bắc Hồng › {EXISTING}"  # shown with its ward
    page = unescape(client.get(f"/imports/{batch_id}").get_data(as_text=True))
    assert 'id="import-values"' in page and "cần xác nhận" in page and f"Đảng bộ phường Bắc Hồng › {EXISTING}" in page

    refused = commit(client, batch_id, create_units="y", unit_parent_id=str(wards["son"].id))
    assert refused.status_code == 409 and f"«{NEAR}»" in unescape(refused.get_data(as_text=True))
    assert db.session.scalar(select(func.count()).select_from(Person)) == 0  # all or nothing

    shown = confirm(client, batch_id, "units", fold(NEAR), "new")
    assert shown.status_code == 200 and unit_lines(batch_id)[NEAR]["state"] == "created"
    assert commit(client, batch_id, unit_parent_id=str(wards["son"].id)).status_code == 204
    created = db.session.scalar(select(Unit).where(Unit.name == NEAR))
    assert created.parent_id == wards["son"].id
    assert assigned_units() == {created.id, wards["son_1"].id}  # never the similar "…Bắc Hồng"


def test_confirming_the_suggestion_links_the_existing_unit_and_survives_a_reread(client, admin, wards, tmp_path):
    batch_id = upload_batch(client, roster(tmp_path, [NEAR, NEAR, NEAR]))
    confirm(client, batch_id, "units", fold(NEAR), str(wards["school"].id))
    client.post(f"/imports/{batch_id}/analyse")  # read again: the answer is kept on the batch
    line = unit_lines(batch_id)[NEAR]
    assert line["state"] == "confirmed" and line["target"] == f"Đảng bộ phường Bắc Hồng › {EXISTING}"
    assert commit(client, batch_id).status_code == 204
    assert assigned_units() == {wards["school"].id}


def test_any_unit_in_scope_may_be_picked_and_a_party_committee_is_not_taken_for_a_cell(client, admin, wards,
                                                                                     tmp_path):
    text = "Đảng bộ Công an thị xã"
    batch_id = upload_batch(client, roster(tmp_path, [text, text, text]))
    line = unit_lines(batch_id)[text]
    assert line["state"] == "confirm" and line["suggestions"][0]["id"] == wards["police"].id
    confirm(client, batch_id, "units", fold(text), "pick", unit=str(wards["hong"].id))
    assert unit_lines(batch_id)[text]["unit_id"] == wards["hong"].id
    assert commit(client, batch_id).status_code == 204
    assert assigned_units() == {wards["hong"].id}


def test_a_name_borne_in_two_wards_needs_confirmation_and_the_ward_in_the_text_resolves_it(wards):
    index = UnitIndex.load("/")
    bare = index.match("Chi bộ Tổ dân phố 1")
    assert bare.unit_id is None and bare.ambiguous and set(bare.candidates) == {wards["son_1"].id, wards["hong_1"].id}
    assert index.match("Chi bộ TỔ DÂN PHỐ 1 phường Bắc Sơn").unit_id == wards["son_1"].id
    assert index.match("Chi bộ Tổ dân phố 1 Đảng bộ phường Bắc Hồng").unit_id == wards["hong_1"].id
    assert index.match("Chi bộ Tổ dân phố 1 phường Bắc Giang").unit_id is None
    assert index.label(wards["hong_1"].id) == "Đảng bộ phường Bắc Hồng › Chi bộ Tổ dân phố 1"
    assert index.match(NEAR).state == "confirm" and index.match(EXISTING).unit_id == wards["school"].id


def test_same_name_units_in_two_wards_are_confirmed_before_the_commit(client, admin, wards, tmp_path):
    text = "Chi bộ Tổ dân phố 1"
    batch_id = upload_batch(client, roster(tmp_path, [text, text, text]))
    line = unit_lines(batch_id)[text]
    assert line["state"] == "confirm" and line["ambiguous"]
    assert {s["label"] for s in line["suggestions"]} == {"Đảng bộ phường Bắc Sơn › Chi bộ Tổ dân phố 1",
                                                         "Đảng bộ phường Bắc Hồng › Chi bộ Tổ dân phố 1"}
    assert commit(client, batch_id).status_code == 409
    confirm(client, batch_id, "units", fold(text), str(wards["hong_1"].id))
    assert commit(client, batch_id).status_code == 204
    assert assigned_units() == {wards["hong_1"].id}


def test_a_unit_outside_the_scope_cannot_be_confirmed(client, admin, wards, tmp_path):
    batch_id = upload_batch(client, roster(tmp_path, [NEAR, NEAR, NEAR]))
    assert confirm(client, batch_id, "units", fold(NEAR), "999999").status_code == 422
    assert confirm(client, batch_id, "heads", "bảy", "end").status_code == 422
    assert not db.session.get(ImportBatch, batch_id).confirmations


def test_a_second_head_is_offered_to_end_the_current_head_on_the_start_date(client, admin, wards, tmp_path,
                                                                            make_person, make_group, make_membership,
                                                                            make_assignment):
    group = make_group(number=7)
    old = make_membership(make_person("Trần Văn Cũ"), group, role=MemberRole.HEAD, start=date(2025, 10, 15))
    make_assignment(old, wards["son_1"])
    unit = "Chi bộ Tổ dân phố 1 phường Bắc Sơn"
    batch_id = upload_batch(client, roster(tmp_path, [unit, unit, unit]))
    db.session.expire_all()
    summary = db.session.get(ImportBatch, batch_id).summary
    assert summary["values"]["units"][0]["target"] == "Đảng bộ phường Bắc Sơn › Chi bộ Tổ dân phố 1"
    assert "Đoàn đã có Trưởng đoàn" in [r for r in summary["preview"] if r["row"] == 4][0]["reason"]
    head = summary["values"]["groups"][0]["head"]
    assert head == {"group_number": 7, "head": "Trần Văn Cũ", "since": "2025-10-15", "end_on": "2025-10-31",
                    "ended": False}
    assert "Kết thúc nhiệm vụ Trưởng đoàn hiện tại" in client.get(f"/imports/{batch_id}").get_data(as_text=True)

    confirm(client, batch_id, "heads", "7", "end")
    db.session.expire_all()
    summary = db.session.get(ImportBatch, batch_id).summary
    assert summary["values"]["groups"][0]["head"]["ended"] and summary["planned"]["failed"] == 0
    assert commit(client, batch_id).status_code == 204
    db.session.expire_all()
    assert db.session.get(Membership, old.id).end_date == date(2025, 10, 31)
    assert all(a.end_date == date(2025, 10, 31) for a in db.session.get(Membership, old.id).assignments)
    heads = db.session.scalars(select(Membership).where(Membership.group_id == group.id,
                                                        Membership.role == MemberRole.HEAD,
                                                        Membership.end_date.is_(None))).all()
    assert [m.person.full_name for m in heads] == ["Phạm Văn Khải"]  # still one head at a time
    client.post(f"/imports/{batch_id}/undo")
    db.session.expire_all()
    assert db.session.get(Membership, old.id).end_date is None


def test_no_offer_when_the_file_moves_the_current_head_to_another_role(client, admin, wards, tmp_path, make_person,
                                                                      make_group, make_membership):
    group = make_group(number=7)
    old = make_membership(make_person("Trần Văn Cũ", birth_date=date(1960, 1, 1)), group, role=MemberRole.HEAD)
    unit = "Chi bộ Tổ dân phố 1 phường Bắc Sơn"
    rows = [[1, "Phạm Văn Khải", "12/04/1970", "", "Đoàn công tác số 7", "Trưởng đoàn", unit, ""],
            [2, "Trần Văn Cũ", "01/01/1960", "", "Đoàn công tác số 7", "Thành viên", unit, ""]]
    batch_id = upload_batch(client, write_xlsx(tmp_path / "ds.xlsx", ROSTER_HEADERS, rows))
    db.session.expire_all()
    summary = db.session.get(ImportBatch, batch_id).summary
    assert summary["values"]["groups"][0]["head"] is None and summary["planned"]["failed"] == 0
    assert commit(client, batch_id).status_code == 204
    db.session.expire_all()
    assert db.session.get(Membership, old.id).end_date == date(2025, 10, 31)  # handed over by the role change


def test_role_words_appear_once_with_what_they_were_read_as(client, admin, wards, tmp_path):
    unit = "Chi bộ Tổ dân phố 1 phường Bắc Sơn"
    rows = [[1, "Phạm Văn Khải", "12/04/1970", "", "Đoàn công tác số 7", "Trưởng đoàn", unit, ""],
            [2, "Đỗ Thị Mai", "03/09/1982", "", "Đoàn công tác số 7", "Thành viên", unit, ""],
            [3, "Lý Văn Tâm", "20/01/1979", "", "Đoàn công tác số 7", "thành viên", unit, ""]]
    batch_id = upload_batch(client, write_xlsx(tmp_path / "ds.xlsx", ROSTER_HEADERS, rows))
    db.session.expire_all()
    roles = db.session.get(ImportBatch, batch_id).summary["values"]["roles"]
    assert {(r["text"], r["value"], r["count"]) for r in roles} == {("Trưởng đoàn", "head", 1),
                                                                    ("Thành viên", "member", 1),
                                                                    ("thành viên", "member", 1)}


def test_confirming_a_new_unit_where_the_parent_already_has_one_of_that_name_fails_its_rows(client, admin, wards,
                                                                                             tmp_path):
    same = "Chi bộ Tổ dân phố 1"  # one in each ward: ambiguous, so it waits for the officer
    batch_id = upload_batch(client, roster(tmp_path, [same, same, same]))
    assert unit_lines(batch_id)[same]["state"] == "confirm"
    confirm(client, batch_id, "units", fold(same), "new")
    commit(client, batch_id, unit_parent_id=str(wards["son"].id))
    receipt = unescape(client.get(f"/imports/{batch_id}/receipt").get_data(as_text=True))
    assert 'class="flash flash-error"' in receipt and "Không dòng nào được nhập: 3 dòng lỗi" in receipt
    failed = receipt.split('id="row-results"')[1]
    assert failed.count("cùng tên dưới cùng đơn vị cấp trên") == 3 and "Đảng bộ phường Bắc Sơn" in failed
    assert db.session.scalar(select(func.count()).select_from(Unit).where(Unit.name == same)) == 2
    assert db.session.scalar(select(func.count()).select_from(Person)) == 0


def test_the_receipt_says_loudly_which_rows_were_not_imported(client, admin, wards, tmp_path):
    batch_id = upload_batch(client, roster(tmp_path, [EXISTING, EXISTING, "Chi bộ Không Có Ở Đâu"]))
    commit(client, batch_id)
    receipt = unescape(client.get(f"/imports/{batch_id}/receipt").get_data(as_text=True))
    assert 'class="flash flash-warning"' in receipt
    assert "Đã nhập 2 dòng; 1 dòng lỗi chưa được nhập" in receipt and "Đã nhập dữ liệu." not in receipt
