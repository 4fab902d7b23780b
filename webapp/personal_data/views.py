"""The personal-data page of one person: what the app holds (with .xlsx and JSON exports), the register of the
person's requests with their deadlines, the answer and the erasure. Only officers whose scope covers the person
(those who may edit them) reach any of it."""
import json

from flask import Response, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..audit import log_restricted_reads
from ..clock import local_today
from ..exports import Column, Sheet, book_response
from ..extensions import db
from ..feedback.visibility import can_see_content
from ..models import FeedbackItem, FieldVisit, Person, PersonalDataRequest, Role
from ..people.access import can_edit_person
from ..permissions import ensure, requires
from ..rendering import render
from ..services import run_service
from ..visits.queries import can_see_visit_text
from . import bp
from .forms import AnswerForm, EraseForm, RequestForm
from .gather import everything, plain
from .services import answer_request, erase_person, record_request

OFFICERS = (Role.ADMIN, Role.UNIT_OFFICER)


def _person(person_id: int) -> Person:
    person = db.get_or_404(Person, person_id)
    ensure(can_edit_person(current_user, person))
    return person


def _request(request_id: int) -> PersonalDataRequest:
    request = db.get_or_404(PersonalDataRequest, request_id)
    ensure(can_edit_person(current_user, request.person))
    return request


def _page(person: Person, request_form=None, answer_forms=None, status: int = 200):
    requests = db.session.scalars(select(PersonalDataRequest).where(PersonalDataRequest.person_id == person.id)
                                  .order_by(PersonalDataRequest.received_on.desc(),
                                            PersonalDataRequest.id.desc())).all()
    answer_forms = answer_forms or {}
    return render("personal_data/index.html", http_status=status, person=person, sections=everything(person,
                  current_user), requests=requests, today=local_today(),
                  request_form=request_form or RequestForm(formdata=None, received_on=local_today()),
                  answer_forms={r.id: answer_forms.get(r.id) or AnswerForm(formdata=None, answered_on=local_today())
                                for r in requests if r.answered_on is None},
                  erase_form=EraseForm(formdata=None))


@bp.get("/<int:person_id>")
@requires(*OFFICERS)
def index(person_id: int):
    person = _person(person_id)
    _log_restricted(person, "xem dữ liệu cá nhân")
    return _page(person)


def _log_restricted(person: Person, where: str) -> None:
    """The export copies the person's visits and feedback: a restricted one whose text it shows is a read."""
    shown = [v for v in db.session.scalars(select(FieldVisit).where(FieldVisit.person_id == person.id,
                                                                    FieldVisit.restricted.is_(True)))
             if can_see_visit_text(current_user, v)]
    shown += [i for i in db.session.scalars(select(FeedbackItem).where(FeedbackItem.source_person_id == person.id))
              if i.category.restricted and can_see_content(current_user, i)]
    if shown:
        run_service(None, log_restricted_reads, shown, where)


@bp.get("/<int:person_id>/export.xlsx")
@requires(*OFFICERS)
def export_xlsx(person_id: int):
    person = _person(person_id)
    sections = everything(person, current_user)
    title = _("DỮ LIỆU CÁ NHÂN: %(name)s", name=person.full_name)
    sheets = [Sheet(str(s.title), f"{title} — {s.title}", [Column(str(f.header), f.width) for f in s.fields],
                    [[row[f.key] for f in s.fields] for row in s.rows]) for s in sections]
    _log_restricted(person, "xuất dữ liệu cá nhân (.xlsx)")
    return book_response(f"du-lieu-ca-nhan-{person.id}.xlsx", sheets)


@bp.get("/<int:person_id>/export.json")
@requires(*OFFICERS)
def export_json(person_id: int):
    person = _person(person_id)
    body = {"person_id": person.id, "exported_on": local_today().isoformat(),
            "sections": {s.key: [{f.key: plain(row[f.key]) for f in s.fields} for row in s.rows]
                         for s in everything(person, current_user)}}
    _log_restricted(person, "xuất dữ liệu cá nhân (JSON)")
    return Response(json.dumps(body, ensure_ascii=False, indent=2), mimetype="application/json",
                    headers={"Content-Disposition": f'attachment; filename="du-lieu-ca-nhan-{person.id}.json"'})


@bp.post("/<int:person_id>/requests")
@requires(*OFFICERS)
def new_request(person_id: int):
    person = _person(person_id)
    form = RequestForm()
    if form.validate_on_submit() and run_service(form, record_request, person, current_user, kind=form.kind.data,
                                                 received_on=form.received_on.data,
                                                 requested_by=form.requested_by.data, details=form.details.data):
        flash(_("Đã ghi yêu cầu vào sổ."))
        return redirect(url_for("personal_data.index", person_id=person.id))
    return _page(person, request_form=form, status=422)


@bp.post("/requests/<int:request_id>/answer")
@requires(*OFFICERS)
def answer(request_id: int):
    request = _request(request_id)
    form = AnswerForm()
    if form.validate_on_submit() and run_service(form, answer_request, request, answered_on=form.answered_on.data,
                                                 answer=form.answer.data):
        flash(_("Đã ghi câu trả lời."))
        return redirect(url_for("personal_data.index", person_id=request.person_id))
    return _page(request.person, answer_forms={request.id: form}, status=422)


@bp.post("/requests/<int:request_id>/erase")
@requires(*OFFICERS)
def erase(request_id: int):
    request = _request(request_id)
    form = EraseForm()
    if not form.validate_on_submit():
        flash(_("Hãy đánh dấu xác nhận trước khi xóa."), "error")
        return redirect(url_for("personal_data.index", person_id=request.person_id))
    if run_service(form, erase_person, request):
        flash(_("Đã xóa thông tin cá nhân; những gì được giữ lại và lý do được ghi trong câu trả lời."))
    else:
        flash(form.confirm.errors[-1], "error")
    return redirect(url_for("personal_data.index", person_id=request.person_id))
