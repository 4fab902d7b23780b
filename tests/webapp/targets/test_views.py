"""A unit's targets through the HTMX component: add, update, record actual values, delete, bad input, escaping."""
from datetime import date

from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Role, TargetIndicator, TargetMeasurement

HX = {"HX-Request": "true"}
NEW = {"year": "2026", "name": "Thu ngân sách trên địa bàn", "measure_unit": "triệu đồng", "target_value": "12000"}


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_an_officer_adds_an_indicator_and_sees_the_component_again(client, town, login_as):
    login_as(Role.UNIT_OFFICER)
    response = client.post(f"/targets/unit/{town.ward.id}/indicators", data=NEW, headers=HX)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body and "Thu ngân sách trên địa bàn" in body
    indicator = db.session.scalar(select(TargetIndicator))
    assert (indicator.unit_id, indicator.year, indicator.target_value) == (town.ward.id, 2026, 12000.0)


def test_bad_input_is_shown_in_vietnamese_and_nothing_is_saved(client, town, login_as):
    login_as(Role.UNIT_OFFICER)
    response = client.post(f"/targets/unit/{town.ward.id}/indicators", headers=HX,
                           data={**NEW, "year": "99999999999999999999", "target_value": "mười hai"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and "Số quá lớn." in body and "Hãy nhập một số (ví dụ 12,5)." in body
    zero = client.post(f"/targets/unit/{town.ward.id}/indicators", headers=HX, data={**NEW, "target_value": "0"})
    assert zero.status_code == 422 and "Chỉ tiêu phải lớn hơn 0." in zero.get_data(as_text=True)
    assert _count(TargetIndicator) == 0


def test_one_indicator_of_a_name_per_unit_and_year(client, town, indicator, login_as):
    login_as(Role.UNIT_OFFICER)
    url = f"/targets/unit/{town.ward.id}/indicators"
    for name in ("Kết nạp đảng viên mới", "kết nạp Đảng viên mới.", "KET NAP DANG VIEN MOI"):
        twin = client.post(url, headers=HX, data={**NEW, "name": name})
        assert twin.status_code == 422
        body = twin.get_data(as_text=True)
        assert "Đơn vị đã có chỉ tiêu" in body and f'value="{name}"' in body
    next_year = {**NEW, "name": "Kết nạp đảng viên mới", "year": "2027"}
    assert client.post(url, headers=HX, data=next_year).status_code == 200
    other = client.post(url, headers=HX, data=NEW)
    assert other.status_code == 200 and _count(TargetIndicator) == 3
    added = db.session.scalar(select(TargetIndicator).where(TargetIndicator.name == NEW["name"]))
    renamed = client.post(f"/targets/indicator/{added.id}/edit", headers=HX,
                          data={**NEW, "name": "Kết nạp đảng viên mới"})
    assert renamed.status_code == 422 and "Đơn vị đã có chỉ tiêu" in renamed.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(TargetIndicator, added.id).name == NEW["name"]


def test_actual_values_are_recorded_as_typed_and_zero_is_a_value(client, town, indicator, login_as):
    login_as(Role.UNIT_OFFICER)
    url = f"/targets/indicator/{indicator.id}/measurements"
    body = client.post(url, data={"measured_on": "30/06/2026", "value": "7,5"}, headers=HX).get_data(as_text=True)
    assert "75,0 %" in body  # 7.5 of 10
    assert client.post(url, data={"measured_on": "2026-01-31", "value": "0"}, headers=HX).status_code == 200
    bad = client.post(url, data={"measured_on": "31/02/2026", "value": "-1"}, headers=HX)
    assert bad.status_code == 422 and "Ngày không hợp lệ" in bad.get_data(as_text=True)
    values = db.session.execute(select(TargetMeasurement.measured_on, TargetMeasurement.value)
                                .order_by(TargetMeasurement.measured_on)).all()
    assert [tuple(v) for v in values] == [(date(2026, 1, 31), 0.0), (date(2026, 3, 31), 4.0), (date(2026, 6, 30), 7.5)]


def test_update_and_delete(client, town, indicator, login_as):
    login_as(Role.ADMIN)
    form = client.get(f"/targets/indicator/{indicator.id}/edit", headers=HX).get_data(as_text=True)
    assert 'value="Kết nạp đảng viên mới"' in form
    client.post(f"/targets/indicator/{indicator.id}/edit", headers=HX, data={**NEW, "name": "Kết nạp đảng viên"})
    db.session.refresh(indicator)
    assert (indicator.name, indicator.target_value) == ("Kết nạp đảng viên", 12000.0)
    client.post(f"/targets/measurement/{indicator.measurements[0].id}/delete", headers=HX)
    assert _count(TargetMeasurement) == 0
    client.post(f"/targets/indicator/{indicator.id}/delete", headers=HX)
    assert _count(TargetIndicator) == 0


def test_readers_see_the_figures_without_the_forms(client, town, indicator, login_as):
    login_as(Role.LEADERSHIP)
    body = client.get(f"/targets/unit/{town.ward.id}?year=2026", headers=HX).get_data(as_text=True)
    assert (
        "Kết nạp đảng viên mới" in body and "40,0 %" in body and "Ghi nhận" not in body and "Thêm chỉ tiêu" not in body
    )
    assert client.get(f"/targets/unit/{town.ward.id}?year=12").status_code == 400


def test_the_year_links_stop_at_the_years_the_page_accepts(client, town, login_as):
    login_as(Role.LEADERSHIP)
    first = client.get(f"/targets/unit/{town.ward.id}?year=1990", headers=HX).get_data(as_text=True)
    last = client.get(f"/targets/unit/{town.ward.id}?year=2100", headers=HX).get_data(as_text=True)
    assert "year=1989" not in first and "year=1991" in first
    assert "year=2101" not in last and "year=2099" in last


def test_user_text_is_escaped(client, town, login_as):
    login_as(Role.ADMIN)
    body = client.post(f"/targets/unit/{town.ward.id}/indicators", headers=HX,
                       data={**NEW, "name": "<script>alert(1)</script>"}).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_the_index_rolls_up_units_in_scope(client, town, indicator, login_as):
    login_as(Role.UNIT_OFFICER)
    body = client.get("/targets/?year=2026").get_data(as_text=True)
    assert town.ward.name in body and town.other_ward.name not in body and "40,0 %" in body
