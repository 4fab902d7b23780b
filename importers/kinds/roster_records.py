"""Build canonical roster records column-wise from a table body (pandas, no per-cell Python loop)."""

import pandas as pd

from ..assigned_units import unit_text
from ..baptismal_names import report_saint_names
from ..group_code_notes import GroupCodes
from ..header_date_order import column_date, declares_month_first
from ..honorifics import name_cleaner
from ..month_first_columns import TURNED, is_month_first
from ..name_titles import report_name_titles
from ..normalising import (
    clean_text,
    iso,
    normalise_group,
    normalise_phone,
    normalise_role,
)
from ..unit_abbreviations import write_out_units
from ..unit_kind_headers import with_header_kind
from .body import clean_unique, map_unique
from .carried import fill_blocks, with_context
from .catalogued_codes import decode_catalogued
from .format_meanings import roles_by_format
from .note_values import check_note_roles, note_roles, use_note_roles
from .noted_groups import decode_noted_groups, doubtful_group_codes
from .role_column import infer_role_column
from .roster import CANONICAL, FIELDS


def build_records(body, columns, context) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Canonical roster records (one per data row), record count and failure flag per Excel row."""
    issues = context.issues
    infer_role_column(columns, body.frame, body.context)
    frame, by_field = with_context(body, columns)
    frame = fill_blocks(frame, by_field, ("group", "unit"))
    codes = getattr(context, "group_codes", GroupCodes())
    for message in doubtful_group_codes(frame, by_field, codes):
        issues.warning(None, by_field["group"].letter, "group", None, message)
    frame, noted = decode_noted_groups(frame, by_field, codes)
    frame, said = decode_catalogued(frame, by_field, getattr(context, "catalogues", []), issues)
    getattr(context, "inferences", []).extend(noted + said)
    frame, said = write_out_units(frame, by_field.get("unit"), getattr(context, "unit_words", []))
    getattr(context, "inferences", []).extend(said)
    frame, said = with_header_kind(frame, by_field.get("unit"), issues)  # "Chi bộ" over "Thôn 3"
    getattr(context, "inferences", []).extend(said)
    index = frame.index
    failed = pd.Series(False, index=index)

    def column(field: str) -> pd.Series:
        spec = by_field.get(field)
        return frame[spec.index] if spec is not None else pd.Series(None, index=index, dtype=object)

    def report(field: str, values: pd.Series, problems: pd.Series, level: str) -> None:
        spec, label = by_field[field], LABELS[field]
        for row in problems.index[problems.notna().to_numpy()]:
            issues.cell_problem(level, int(row), spec.letter, field, label, values[row], problems[row])

    out = pd.DataFrame(index=index)
    names, said, titled = column("full_name"), [], []
    out["full_name"] = map_unique(names, name_cleaner(names.to_numpy(dtype=object), said, titled))
    report_name_titles(titled, names.to_numpy(dtype=object), names.index, by_field.get("full_name"), issues)
    report_saint_names(said, names.to_numpy(dtype=object), names.index, by_field.get("full_name"), issues)
    month_first = "birth_date" in by_field and declares_month_first(by_field["birth_date"].header)
    if "birth_date" in by_field and not month_first:  # '4/14/1975': the column shows it is written month first
        spec = by_field["birth_date"]
        header = " ".join(str(spec.header or "").split())
        example = is_month_first(column("birth_date"), spec.letter, header, issues.sheet)
        if example:
            month_first = True
            issues.warning(None, spec.letter, "birth_date", None,
                           TURNED.format(letter=spec.letter, header=header, example=example))
    dates, problems = clean_unique(column("birth_date"),
                                   lambda v: column_date(v, context.epoch_1904, month_first))
    out["birth_date"] = dates.map(iso, na_action="ignore")
    if "birth_date" in by_field:
        report("birth_date", column("birth_date"), problems, "error")
        failed |= problems.notna()
    out["position"] = map_unique(column("position"), clean_text)
    out["group"] = _groups(column("group"), body.groups, by_field, issues, failed)
    noted = note_roles(frame, columns)
    stated = "role" in by_field
    out["role"] = roles_by_format(_roles(column("role"), by_field, issues, failed), frame, by_field, columns, context,
                                  failed, out["group"],
                                  None if stated else use_note_roles(noted, issues, getattr(context, "inferences", [])))
    if stated:
        check_note_roles(noted, out["role"], by_field, issues)
    out["unit"] = map_unique(column("unit"), _units)
    phones, problems = clean_unique(column("phone"), normalise_phone)
    out["phone"] = phones
    if "phone" in by_field:
        bad = problems.eq("không hợp lệ").fillna(False).astype(bool)
        report("phone", column("phone"), problems.where(bad), "error")
        report("phone", column("phone"), problems.where(~bad), "warning")
        failed |= bad
    counts = (~failed).astype(int) * out["unit"].map(lambda unit: len(unit) if isinstance(unit, tuple) else 1)
    records = out.loc[~failed, list(CANONICAL)].explode("unit")
    return records.reset_index(drop=True), counts.astype(int), failed


def _units(value):
    """A unit name, or the names of the units a row's person follows (several ticked unit columns: one record
    each)."""
    if isinstance(value, tuple):
        return tuple(unit_text(unit) for unit in value)
    return unit_text(value)


def _groups(raw: pd.Series, carried: pd.Series, by_field, issues, failed: pd.Series) -> pd.Series:
    groups = map_unique(raw, normalise_group)
    groups = groups.where(groups.notna(), map_unique(carried, normalise_group))
    missing = groups.isna()
    for row in groups.index[missing.to_numpy()]:
        letter = by_field["group"].letter if "group" in by_field else None
        issues.error(int(row), letter, "group", None, "thiếu đoàn công tác")
    failed |= missing
    return groups


def _roles(raw: pd.Series, by_field, issues, failed: pd.Series) -> pd.Series:
    roles, problems = clean_unique(raw, normalise_role)
    if "role" not in by_field:
        return roles.fillna("member")
    letter = by_field["role"].letter
    for row in problems.index[problems.notna().to_numpy()]:
        issues.cell_problem("error", int(row), letter, "role", LABELS["role"], raw[row], problems[row])
    for row in roles.index[(roles.isna() & problems.isna()).to_numpy()]:
        issues.warning(int(row), letter, "role", None, "thiếu nhiệm vụ trong đoàn, coi là thành viên")
    failed |= problems.notna()
    return roles.where(roles.notna() | problems.notna(), "member")

LABELS = {spec.name: spec.label for spec in FIELDS}
