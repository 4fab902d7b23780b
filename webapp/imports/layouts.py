"""The officer's corrections of a batch (importers.overrides as data) and templates remembering them per unit."""
from flask_babel import gettext as _
from sqlalchemy import delete, insert, select, update

import importers
from importers.overrides import CONTEXT_LABELS, CONTEXT_MEANINGS, STATUSES, from_dict

from ..clock import utcnow
from ..extensions import db
from ..models import ImportBatch, ImportTemplate, Unit
from ..permissions import path_under, within
from .correction_form import corrections_from_form

JOIN_SLOTS = 2
LEGEND_SLOTS = 4


def _int(form, name: str, label: str, problems: list) -> int | None:
    text = (form.get(name) or "").strip()
    if not text:
        return None
    if not text.isdigit() or len(text) > 6:
        problems.append(_("%(what)s phải là một số nguyên dương.", what=label))
        return None
    return int(text)


def layout_from_form(form, sheet_names: list[str], column_letters: list[str],
                     field_names: list[str] = ()) -> tuple[dict, list[str]]:
    """The corrections posted by the preview's rescue form, and the problems found (Vietnamese)."""
    problems, layout = [], {}
    sheets = [name for name in form.getlist("sheets") if name]
    unknown = [name for name in sheets if name not in sheet_names]
    if unknown:
        problems.append(_("Không có trang tính \"%(name)s\" trong tệp.", name=unknown[0]))
    elif sheets:  # one sheet chosen keeps the others out; several are read as one register
        layout["sheets"] = sheets
    first = _int(form, "header_first", _("Dòng tiêu đề đầu"), problems)
    last = _int(form, "header_last", _("Dòng tiêu đề cuối"), problems)
    if first or last:
        layout["header_rows"] = [first or last, last or first]
    year = _int(form, "year", _("Năm"), problems)
    if year:
        layout["year"] = year
    joins = []
    for slot in range(JOIN_SLOTS):
        field = form.get(f"join{slot}_field", "")
        columns = [c for c in (form.get(f"join{slot}_{part}", "") for part in "abc") if c]
        if not field and not columns:
            continue
        if not field or len(columns) < 2 or any(c not in column_letters for c in columns):
            problems.append(_("Ghép cột: chọn trường và hai hoặc ba cột có trong bảng."))
            continue
        joins.append({"field": field, "columns": columns})
    if joins:
        layout["joins"] = joins
    context = {name: form.get(f"context_{name}") for name in CONTEXT_LABELS if form.get(f"context_{name}")}
    if any(meaning not in CONTEXT_MEANINGS for meaning in context.values()):
        problems.append(_("Ý nghĩa dòng tiêu đề nhóm không hợp lệ."))
    elif any(detected != meaning for detected, meaning in context.items()):
        layout["context"] = context
    legend = {}
    for slot in range(LEGEND_SLOTS):
        mark, status = (form.get(f"legend{slot}_mark") or "").strip(), form.get(f"legend{slot}_status", "")
        if not mark and not status:
            continue
        if not mark or len(mark) > 20 or status not in STATUSES:
            problems.append(_("Ký hiệu ở dòng %(n)s: cần ký hiệu (tối đa 20 ký tự) và trạng thái.", n=slot + 1))
            continue
        legend[mark] = status
    if legend:
        layout["legend"] = legend
    layout.update(corrections_from_form(form, column_letters, list(field_names), problems))
    if not problems:
        try:
            from_dict(layout)
        except importers.ImportFileError as exc:
            problems.append(exc.message)
    return layout, problems


def scope_unit_id(scope_path: str) -> int | None:
    """The unit whose subtree is the scope (None for the whole organisation)."""
    if scope_path == "/":
        return None
    return db.session.scalar(select(Unit.id).where(Unit.path == scope_path))


def _key(unit_id, kind, sheet, signature):
    table = ImportTemplate.__table__
    unit = table.c.unit_id.is_(None) if unit_id is None else table.c.unit_id == unit_id
    return unit & (table.c.kind == kind) & (table.c.sheet_name == (sheet or "")) & (table.c.signature == signature)


def find_template(scope_path: str, kind: str, sheet: str | None, signature: str) -> ImportTemplate | None:
    """The saved template of the scope unit for this layout (sheet name + detected header signature)."""
    key = _key(scope_unit_id(scope_path), kind, sheet, signature)
    return db.session.scalars(select(ImportTemplate).where(key)).first()


def save_template(batch: ImportBatch, scope_path: str, user_id: int | None) -> bool:
    """Remember the batch's corrections for its unit and layout; False when there is nothing to remember."""
    layout = {k: v for k, v in (batch.layout or {}).items() if k != "template_id"}
    summary = batch.summary or {}
    signature = summary.get("detected_signature") or batch.signature
    if not layout or not signature or not batch.kind:
        return False
    unit_id, table = scope_unit_id(scope_path), ImportTemplate.__table__
    values = {"overrides": layout, "mapping": batch.mapping, "file_name": batch.file_name[:255],
              "updated_by_id": user_id, "updated_at": utcnow()}
    found = db.session.scalar(select(table.c.id).where(_key(unit_id, batch.kind, summary.get("detected_sheet"),
                                                            signature)))
    if found:
        db.session.execute(update(table).where(table.c.id == found).values(**values))
    else:
        db.session.execute(insert(table).values(unit_id=unit_id, kind=batch.kind, signature=signature,
                                                sheet_name=summary.get("detected_sheet") or "", **values))
    db.session.commit()
    return True


def visible_templates(scope_path: str) -> list[ImportTemplate]:
    """Templates of units in the scope (the organisation-wide ones only for a whole-organisation scope)."""
    query = select(ImportTemplate).outerjoin(Unit, ImportTemplate.unit_id == Unit.id)
    if scope_path != "/":
        query = query.where(path_under(Unit.path, scope_path))
    return list(db.session.scalars(query.order_by(ImportTemplate.updated_at.desc())))


def delete_template(template_id: int) -> None:
    """Forget a template."""
    db.session.execute(delete(ImportTemplate.__table__).where(ImportTemplate.__table__.c.id == template_id))
    db.session.commit()


def template_in_scope(template: ImportTemplate, scope_path: str) -> bool:
    """Whether an officer with this scope may see, use or delete the template."""
    if scope_path == "/":
        return True
    return template.unit is not None and within(template.unit.path, scope_path)
