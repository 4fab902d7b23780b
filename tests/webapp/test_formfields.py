"""Form fields: Vietnamese input formats and errors, and limits that keep bad ids away from the database."""
import pytest
from werkzeug.datastructures import MultiDict
from wtforms import StringField
from wtforms.validators import Length

from webapp.formbase import AppForm
from webapp.formfields import VnDateField, VnFloatField, VnIntegerField, VnTimeField, optional_id


class NumbersForm(AppForm):
    amount = VnFloatField()
    count = VnIntegerField()
    starts_at = VnTimeField()
    name = StringField(validators=[Length(max=5)])


def _form(app, **data):
    with app.test_request_context(method="POST"):
        form = NumbersForm(formdata=MultiDict(data), meta={"csrf": False})
        form.validate()
        return form


@pytest.mark.parametrize("typed, number", [("12.5", 12.5), ("12,5", 12.5), ("1.250,5", 1250.5), ("1 250", 1250.0),
                                           ("0", 0.0), ("-3", -3.0)])
def test_numbers_are_read_as_browsers_send_them_and_as_officers_type_them(app, typed, number):
    assert _form(app, amount=typed).amount.data == number


@pytest.mark.parametrize("typed", ["abc", "nan", "inf", "1e999", "12,5,5"])
def test_what_is_not_a_number_gets_a_vietnamese_error(app, typed):
    form = _form(app, amount=typed)
    assert form.amount.data is None and form.amount.errors == ["Hãy nhập một số (ví dụ 12,5)."]


def test_integers_beyond_the_database_are_refused(app):
    assert _form(app, count="2147483647").count.data == 2147483647
    assert _form(app, count="99999999999999999999").count.errors == ["Số quá lớn."]


@pytest.mark.parametrize("value, expected", [("", None), ("7", 7), ("2147483647", 2147483647)])
def test_ids_from_selects(value, expected):
    assert optional_id(value) == expected


@pytest.mark.parametrize("value", ["0", "-1", "2147483648", "99999999999999999999", "x"])
def test_impossible_ids_are_invalid_choices(value):
    with pytest.raises(ValueError):
        optional_id(value)


def test_times_stored_as_text_fill_the_field(app):
    class Meeting:
        starts_at = "07:30"

    with app.test_request_context():
        form = NumbersForm(obj=Meeting(), meta={"csrf": False})
        assert 'value="07:30"' in form.starts_at()


def test_wtforms_own_messages_follow_the_language(app, monkeypatch):
    from webapp import formbase

    assert _form(app, name="quá dài").name.errors == ["Không được dài quá 5 ký tự."]
    monkeypatch.setattr(formbase, "_vietnamese", lambda: False)
    assert _form(app, name="too long").name.errors == ["Field cannot be longer than 5 characters."]


def test_unreadable_input_shows_only_that_error(app):
    from wtforms.validators import DataRequired, NumberRange

    class YearForm(AppForm):
        year = VnIntegerField(validators=[DataRequired("Hãy nhập năm."), NumberRange(1990, 2100, "Năm sai.")])

    with app.test_request_context(method="POST"):
        form = YearForm(formdata=MultiDict({"year": "hai nghìn"}), meta={"csrf": False})
        assert not form.validate() and form.year.errors == ["Hãy nhập một số nguyên."]
        form = YearForm(formdata=MultiDict({"year": ""}), meta={"csrf": False})
        assert not form.validate() and form.year.errors == ["Hãy nhập năm."]


def test_forms_filters_and_the_importer_accept_and_refuse_the_same_dates():
    """#22: one date module; a date refused in a form was accepted from a sheet (d.m.yy)."""
    from importers.normalising import parse_date_text
    from webapp.dates import add_months, parse_day

    texts = ["05/03/1972", "5.3.72", "06-01-25", "2026-01-05", "31/02/2026", "hôm qua", "", "5/3"]
    assert [parse_day(t) for t in texts] == [parse_date_text(t) if t else None for t in texts]
    assert parse_day("5.3.72").isoformat() == "1972-03-05" and parse_day("31/02/2026") is None
    from datetime import date

    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28) and add_months(date(2026, 3, 31), -13) == date(
        2025, 2, 28
    )



class DayForm(AppForm):
    day = VnDateField()


def test_a_date_beyond_the_years_a_form_takes_is_refused(app):
    with app.test_request_context(method="POST"):
        for text in ("9999-12-31", "31/12/1899"):
            form = DayForm(formdata=MultiDict({"day": text}), meta={"csrf": False})
            assert not form.validate() and form.day.errors == ["Năm phải trong khoảng 1900–2100."]
        assert DayForm(formdata=MultiDict({"day": "31/12/2100"}), meta={"csrf": False}).validate()
