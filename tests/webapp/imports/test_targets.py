"""Targets sheets through the web import: indicators and measurements, re-import, undo, failures, permissions."""
from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from tests.targets_sheets import AN_LAC, KHU_PHO_3, LE_LOI, write_targets_workbook
from webapp.extensions import db
from webapp.imports import services
from webapp.models import (
    AuditLog,
    BatchStatus,
    ImportBatch,
    Role,
    Sector,
    TargetIndicator,
    TargetMeasurement,
    Unit,
    UnitKind,
)
from webapp.targets import services as target_services

from .conftest import COMMIT, batch_id_of

TARGETS_COMMIT = {**COMMIT, "start_date": "2026-07-15"}


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def indicators() -> dict:
    """(unit name, indicator name) -> (measure unit, target) of every indicator."""
    rows = db.session.execute(select(Unit.name, TargetIndicator.name, TargetIndicator.measure_unit,
                                     TargetIndicator.target_value).join(Unit)).all()
    return {(unit, name): (measure, target) for unit, name, measure, target in rows}


def measurements() -> list[tuple]:
    return sorted(db.session.execute(select(TargetIndicator.name, Unit.name, TargetMeasurement.measured_on,
                                            TargetMeasurement.value)
                                     .join(TargetIndicator, TargetIndicator.id == TargetMeasurement.indicator_id)
                                     .join(Unit, Unit.id == TargetIndicator.unit_id)).all())


@pytest.fixture
def units(root_unit, make_unit):
    """The units the office sheet names (the sheet writes the first two in capitals, as sub-headers)."""
    party = make_unit(AN_LAC, UnitKind.PARTY_COMMITTEE, Sector.WARD, parent=root_unit)
    return {"root": root_unit, AN_LAC: party, KHU_PHO_3: make_unit(KHU_PHO_3, parent=party),
            LE_LOI: make_unit(LE_LOI, parent=party)}


@pytest.fixture
def sheet(tmp_path):
    return write_targets_workbook(tmp_path / "chi-tieu-2026.xlsx")


@pytest.fixture
def admin(as_role):
    return as_role(Role.ADMIN)


def commit(client, batch_id, **extra):
    return client.post(f"/imports/{batch_id}/commit", data={**TARGETS_COMMIT, **extra}, follow_redirects=True)


def test_upload_preview_commit_creates_indicators_and_measurements(client, admin, units, sheet, upload):
    preview = upload(sheet)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Chỉ tiêu!E14: kế hoạch &#39;12,5a&#39; không phải là số" in html
    assert "Ngày cập nhật cho các dòng không ghi ngày" in html
    batch_id = batch_id_of(preview)
    assert db.session.get(ImportBatch, batch_id).kind == "targets" and count(TargetIndicator) == 0
    receipt = commit(client, batch_id)
    batch = db.session.get(ImportBatch, batch_id)
    assert batch.status == BatchStatus.COMMITTED
    assert batch.counts["created"] == {"target_indicator": 5, "target_measurement": 4}
    assert (batch.counts["imported"], batch.counts["failed"], batch.counts["skipped"]) == (5, 1, 3)
    assert indicators() == {
        (AN_LAC, "Kết nạp đảng viên mới"): ("Đảng viên", 12.0),
        (AN_LAC, "Thu ngân sách trên địa bàn"): ("Triệu đồng", 1250.0),
        (AN_LAC, "Tỷ lệ hộ nghèo giảm"): ("%", 95.0),
        (KHU_PHO_3, "Kết nạp đảng viên mới"): ("Đảng viên", 2.0),
        (LE_LOI, "Kết nạp đảng viên mới"): ("Đảng viên", 1.0),
    }
    assert measurements() == [
        ("Kết nạp đảng viên mới", KHU_PHO_3, date(2026, 7, 15), 2.0),
        ("Kết nạp đảng viên mới", LE_LOI, date(2026, 7, 15), 0.0),
        ("Kết nạp đảng viên mới", AN_LAC, date(2026, 6, 30), 5.0),
        ("Thu ngân sách trên địa bàn", AN_LAC, date(2026, 6, 30), 612.5)]
    assert db.session.scalar(select(TargetMeasurement.recorded_by_id).limit(1)) == admin.id
    page = receipt.get_data(as_text=True)
    assert "chỉ tiêu 5" in page and "lần cập nhật chỉ tiêu 4" in page and 'id="batch-indicators"' in page
    assert db.session.scalar(select(AuditLog).where(AuditLog.action == "import")).row_id == batch_id


def test_reimporting_the_same_file_changes_nothing(client, admin, units, sheet, upload):
    first = db.session.get(ImportBatch, batch_id_of(commit(client, batch_id_of(upload(sheet)))))
    before = (indicators(), measurements())
    second = db.session.get(ImportBatch, batch_id_of(commit(client, batch_id_of(upload(sheet)))))
    assert (indicators(), measurements()) == before
    assert second.counts["imported"] == 0 and second.counts["unchanged"] == first.counts["imported"]
    assert second.counts["created"] == {} and second.counts["updated"] == {}


def test_changed_targets_update_and_new_actuals_add_measurements_then_undo_restores(client, admin, units, sheet,
                                                                                   upload, tmp_path):
    commit(client, batch_id_of(upload(sheet)))
    body = [["I", "ĐẢNG BỘ PHƯỜNG AN LẠC"] + [None] * 6,
            [1, None, "Kết nạp  đảng viên MỚI", "người", "15", "5", "30/06/2026", None],
            [2, None, "Thu ngân sách trên địa bàn", "Triệu đồng", "1.250", "700", "30/09/2026", None]]
    changed = write_targets_workbook(tmp_path / "lan-2.xlsx", body=body)
    batch_id = batch_id_of(commit(client, batch_id_of(upload(changed))))
    batch = db.session.get(ImportBatch, batch_id)
    assert batch.counts["updated"] == {"target_indicator": 1} and batch.counts["created"] == {"target_measurement": 1}
    assert batch.counts["imported"] == 2
    assert indicators()[(AN_LAC, "Kết nạp đảng viên mới")] == ("người", 15.0)
    assert (date(2026, 9, 30), 700.0) in [(m[2], m[3]) for m in measurements()]
    page = client.post(f"/imports/{batch_id}/undo", follow_redirects=True).get_data(as_text=True)
    assert "Không thể hoàn tác" not in page
    db.session.expire_all()
    assert indicators()[(AN_LAC, "Kết nạp đảng viên mới")] == ("Đảng viên", 12.0)
    assert count(TargetMeasurement) == 4 and count(TargetIndicator) == 5
    assert db.session.get(ImportBatch, batch_id).status == BatchStatus.UNDONE


def test_undo_removes_what_the_batch_created(client, admin, units, sheet, upload):
    unit = units[KHU_PHO_3]
    own = target_services.create_indicator(unit, 2026, "Thu quỹ đảng", "Nghìn đồng", 100)
    db.session.commit()
    batch_id = batch_id_of(commit(client, batch_id_of(upload(sheet))))
    client.post(f"/imports/{batch_id}/undo")
    assert count(TargetIndicator) == 1 and count(TargetMeasurement) == 0
    assert db.session.get(TargetIndicator, own.id).target_value == 100


def test_undo_is_refused_when_someone_recorded_on_an_imported_indicator(client, admin, units, sheet, upload):
    batch_id = batch_id_of(commit(client, batch_id_of(upload(sheet))))
    indicator = db.session.scalar(select(TargetIndicator).where(TargetIndicator.name == "Tỷ lệ hộ nghèo giảm"))
    target_services.record_measurement(indicator, date(2026, 8, 1), 40, None, admin.id)
    db.session.commit()
    page = client.post(f"/imports/{batch_id}/undo", data={"force": "y"}, follow_redirects=True).get_data(as_text=True)
    assert "Không thể hoàn tác" in page and "lần cập nhật ghi sau trên chỉ tiêu do lượt này tạo" in page
    assert count(TargetIndicator) == 5


def test_an_older_value_on_the_same_day_is_recorded_again_only_when_it_differs(client, admin, units, upload,
                                                                              tmp_path):
    indicator = target_services.create_indicator(units[KHU_PHO_3], 2026, "Kết nạp đảng viên mới", "Đảng viên", 2)
    target_services.record_measurement(indicator, date(2026, 3, 31), 1, None, admin.id)
    target_services.record_measurement(indicator, date(2026, 6, 30), 2, None, admin.id)
    db.session.commit()
    body = [[1, KHU_PHO_3, "Kết nạp đảng viên mới", "Đảng viên", 2, 1, "15/04/2026", None],
            [2, KHU_PHO_3, "Kết nạp đảng viên mới", "Đảng viên", 2, 1, "30/06/2026", None]]
    path = write_targets_workbook(tmp_path / "t.xlsx", body=body[:1])
    batch = db.session.get(ImportBatch, batch_id_of(commit(client, batch_id_of(upload(path)))))
    assert batch.counts["unchanged"] == 1 and count(TargetMeasurement) == 2, "1 was in force on 15/04 already"
    path = write_targets_workbook(tmp_path / "t2.xlsx", body=body[1:])
    batch = db.session.get(ImportBatch, batch_id_of(commit(client, batch_id_of(upload(path)))))
    assert batch.counts["imported"] == 1 and count(TargetMeasurement) == 3


def test_unknown_units_fail_with_suggestions_unless_created(client, admin, units, upload, tmp_path):
    body = [[1, "Chi bộ Khu phố 4", "Kết nạp đảng viên mới", "Đảng viên", 2, None, None, None],
            [2, "Chi bộ Khu phố 3", "Kết nạp đảng viên mới", "Đảng viên", 2, None, None, None]]
    batch_id = batch_id_of(upload(write_targets_workbook(tmp_path / "t.xlsx", body=body)))
    failed = [r for r in db.session.get(ImportBatch, batch_id).summary["preview"] if r["outcome"] == "failed"]
    assert [r["row"] for r in failed] == [8]
    assert "không tìm thấy đơn vị 'Chi bộ Khu phố 4'" in failed[0]["reason"]
    assert "có phải: Đảng bộ phường An Lạc › Chi bộ Khu phố 3" in failed[0]["reason"]  # shown with its ward
    commit(client, batch_id, create_units="y", unit_parent_id=str(units[AN_LAC].id))
    batch = db.session.get(ImportBatch, batch_id)
    assert batch.counts["created"] == {"unit": 1, "target_indicator": 2} and batch.counts["imported"] == 2
    client.post(f"/imports/{batch_id}/undo")
    assert count(TargetIndicator) == 0 and db.session.scalar(select(Unit).where(Unit.name == "Chi bộ Khu phố 4")) \
        is None


def test_units_outside_the_officers_scope_are_not_found(units, sheet, make_user):
    officer = make_user(Role.ADMIN, scope_unit=units[KHU_PHO_3])
    batch_id = services.create_batch(sheet, sheet.name, officer.id)
    services.commit_batch(batch_id, officer.id, scope_path=units[KHU_PHO_3].path)
    batch = db.session.get(ImportBatch, batch_id)
    assert batch.counts["imported"] == 1 and batch.counts["failed"] == 5
    assert list(indicators()) == [(KHU_PHO_3, "Kết nạp đảng viên mới")]


def test_a_failed_commit_leaves_the_database_unchanged(app, client, admin, units, sheet, upload, monkeypatch):
    from webapp.imports.commit import targets

    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    batch_id = batch_id_of(upload(sheet))

    def broken(frame, ctx):
        raise RuntimeError("disk full")

    monkeypatch.setattr(targets, "_record_measurements", broken)
    response = commit(client, batch_id)
    assert response.status_code == 500 and "Dữ liệu chưa được thay đổi" in response.get_data(as_text=True)
    db.session.expire_all()
    assert count(TargetIndicator) == 0 and count(TargetMeasurement) == 0
    assert db.session.get(ImportBatch, batch_id).status == BatchStatus.DRAFT


def test_mapping_needs_the_indicator_column(client, admin, units, sheet, upload):
    batch_id = batch_id_of(upload(sheet))
    columns = db.session.get(ImportBatch, batch_id).summary["columns"]
    form = {f"col_{c['index']}": (c["field"] or "") if c["field"] != "indicator" else "" for c in columns}
    response = client.post(f"/imports/{batch_id}/mapping", data=form)
    assert response.status_code == 422 and "Cần chọn cột &#34;tên chỉ tiêu&#34;." in response.get_data(as_text=True)


def test_the_blank_template_reads_back_as_one_targets_record(client, admin, units, tmp_path):
    import importers

    response = client.get("/imports/template/targets.xlsx")
    assert response.status_code == 200 and "mau-chi-tieu.xlsx" in response.headers["Content-Disposition"]
    assert load_workbook(BytesIO(response.data)).active.title == "Chỉ tiêu"
    path = tmp_path / "mau.xlsx"
    path.write_bytes(response.data)
    result = importers.parse_file(path)
    assert result.kind == "targets" and result.errors == [] and result.records() == [
        {"unit": "Đảng bộ phường Bắc Hồng", "year": 2026, "indicator": "Kết nạp đảng viên mới",
         "measure_unit": "Đảng viên", "target": 12.0, "actual": 5.0, "measured_on": "2026-06-30", "note": None}]


def test_the_import_page_offers_the_kind_preselected_from_the_targets_pages(client, admin, units):
    page = client.get("/imports/?kind=targets").get_data(as_text=True)
    assert '<option selected value="targets">Chỉ tiêu phát triển</option>' in page
    assert "/imports/template/targets.xlsx" in page
    unit_page = client.get(f"/targets/unit/{units[KHU_PHO_3].id}").get_data(as_text=True)
    assert "/imports/?kind=targets" in unit_page and 'class="import-targets">Nhập từ Excel' in unit_page
    assert "/imports/?kind=targets" in client.get("/targets/").get_data(as_text=True)


@pytest.mark.parametrize("role, offered", [(Role.ADMIN, True), (Role.UNIT_OFFICER, True), (Role.LEADERSHIP, False),
                                           (Role.GROUP_HEAD, False), (Role.MEMBER, False)])
def test_the_targets_import_is_offered_to_those_who_may_import(client, as_role, units, role, offered):
    as_role(role, scope_unit=units[KHU_PHO_3]) if role == Role.UNIT_OFFICER else as_role(role)
    page = client.get(f"/targets/unit/{units[KHU_PHO_3].id}")
    assert page.status_code in (200, 403) and ("import-targets" in page.get_data(as_text=True)) == offered


def test_dry_run_and_commit_from_the_command_line(runner, units, sheet):
    import json

    dry = runner.invoke(args=["import", str(sheet), "--kind", "targets", "--dry-run", "--json", "--summary"])
    assert dry.exit_code == 0 and json.loads(dry.stdout)["record_count"] == 5 and count(TargetIndicator) == 0
    result = runner.invoke(args=["import", str(sheet), "--kind", "targets", "--json", "--start-date", "2026-07-15"])
    payload = json.loads(result.stdout)
    assert result.exit_code == 0 and payload["kind"] == "targets"
    assert payload["counts"]["created"] == {"target_indicator": 5, "target_measurement": 4}
    assert [r["row"] for r in payload["failed_rows"]] == [14]
    again = json.loads(runner.invoke(args=["import", str(sheet), "--kind", "targets", "--json"]).stdout)
    assert again["counts"]["imported"] == 0 and count(TargetMeasurement) == 4


def test_a_unit_officer_imports_the_targets_of_the_units_in_scope(client, as_role, units, sheet, upload):
    as_role(Role.UNIT_OFFICER, scope_unit=units[KHU_PHO_3])
    page = client.get("/imports/?kind=targets").get_data(as_text=True)
    assert '<option selected value="targets">' in page and 'value="roster"' not in page
    receipt = commit(client, batch_id_of(upload(sheet, kind="targets")))
    assert receipt.status_code == 200
    assert list(indicators()) == [(KHU_PHO_3, "Kết nạp đảng viên mới")]
    assert upload(sheet, kind="roster").status_code == 422
