"""Who a record is: the one rule the import commit uses to match records to the persons already known (pure:
frames in, person ids and problems out). Persons match by name without diacritics plus birth date or phone;
several possible matches are reported as ambiguous and never merged."""

import numpy as np
import pandas as pd

AMBIGUOUS = "trùng tên với nhiều người trong danh bạ, cần xử lý thủ công"


def roster_candidates(records: pd.DataFrame, persons: pd.DataFrame) -> pd.DataFrame:
    """(rec, id) pairs: the persons each roster record may be. Namesakes (same name key) confirmed by birth
    date or phone; when none confirms, the namesakes nothing contradicts. `records` has key, birth_date, phone
    (index = record); `persons` has id, search_key, birth_date, phone."""
    left = records[["key", "birth_date", "phone"]].rename_axis("rec").reset_index()
    merged = left.merge(persons, left_on="key", right_on="search_key", how="inner", suffixes=("", "_p"))
    same_birth = merged["birth_date"].notna() & merged["birth_date"].eq(merged["birth_date_p"])
    same_phone = merged["phone"].notna() & merged["phone"].eq(merged["phone_p"])
    strong = merged[same_birth | same_phone]
    no_conflict = (merged["birth_date"].isna() | merged["birth_date_p"].isna() | same_birth) & \
                  (merged["phone"].isna() | merged["phone_p"].isna() | same_phone)
    weak = merged[no_conflict & ~merged["rec"].isin(strong["rec"])]
    return pd.concat([strong, weak])[["rec", "id"]].drop_duplicates()


def attendance_candidates(records: pd.DataFrame, persons: pd.DataFrame) -> pd.DataFrame:
    """(rec, id) pairs for attendance records: namesakes, narrowed to those whose home unit is the record's
    unit when that leaves exactly one. `records` has key, unit_id; `persons` has id, search_key, home_unit_id."""
    left = records[["key", "unit_id"]].rename_axis("rec").reset_index()
    merged = left.merge(persons, left_on="key", right_on="search_key", how="inner").drop_duplicates(["rec", "id"])
    at_home = merged[merged["unit_id"].notna() & merged["home_unit_id"].eq(merged["unit_id"])]
    home_counts = at_home.groupby("rec")["id"].nunique()
    settled = home_counts.index[home_counts.eq(1)]
    return pd.concat([merged[~merged["rec"].isin(settled)], at_home[at_home["rec"].isin(settled)]])[["rec", "id"]]


def decide(candidates: pd.DataFrame, index: pd.Index) -> tuple[pd.Series, pd.Series]:
    """(person id or NaN, problem or None) per record: one candidate is the person, several are ambiguous
    (reported, never merged), none means a person not in the directory."""
    counts = candidates.groupby("rec")["id"].nunique()
    person_id = pd.Series(np.nan, index=index)
    problem = pd.Series(None, index=index, dtype=object)
    single = counts.index[counts.eq(1)]
    person_id.loc[single] = candidates.drop_duplicates("rec").set_index("rec")["id"].loc[single].astype(float)
    problem.loc[counts.index[counts.gt(1)]] = AMBIGUOUS
    return person_id, problem


def match_roster_persons(records: pd.DataFrame, persons: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Person id (or NaN) and problem (or None) per roster record."""
    return decide(roster_candidates(records, persons), records.index)


def match_attendance_persons(records: pd.DataFrame, persons: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Person id (or NaN) and problem (or None) per attendance record."""
    return decide(attendance_candidates(records, persons), records.index)
