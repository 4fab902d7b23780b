"""Issuing a drafted document from a page: the one service, a one-time token against double submits, and the
office's message; the dashboard issues its activity report through it as the paperwork pages issue theirs."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..models import Unit, UnitKind
from ..services import run_service
from .services import issue_document, issued_with_token


def issuer() -> Unit:
    """Documents are issued by the admin's scope unit, or the root for an admin of the whole install."""
    if current_user.scope_unit_id:
        return current_user.scope_unit
    return db.session.scalar(select(Unit).where(Unit.kind == UnitKind.ROOT).order_by(Unit.id).limit(1)) or abort(404)


def issue(kind: str, doc, source, back: str):
    """Issue through the one service; the form's one-time token makes a double submit land on the same number."""
    token = (request.form.get("once") or "").strip()
    token = token if token.isalnum() and len(token) <= 40 else None
    earlier = issued_with_token(token)
    row = run_service(None, issue_document, current_user, issuer(), kind, doc, local_today(), source, token)
    if not row:
        return redirect(back)
    if earlier is not None:
        flash(_("Văn bản này đã được vào sổ với số %(symbol)s; không cấp số lần nữa.", symbol=row.symbol))
    else:
        flash(_("Đã vào sổ văn bản đi số %(symbol)s.", symbol=row.symbol))
    return redirect(url_for("paperwork.detail", doc_id=row.id))
