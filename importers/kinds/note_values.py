"""Values labelled inside a free-text column ("Ghi chú", "Ghi chú khác", "Thông tin khác"): "ĐT: 0328.975.617",
"SĐT 0912 345 678", "Điện thoại: …", "DĐ: …" give the phone, "SN: 15/3/1978", "Ngày sinh: ngày 5 tháng 3 năm 1975"
the birth date, for a field the table has no column of its own.

What is read is said in one warning per field naming the column and the cells; a labelled value that does not
read (a phone of the wrong length, a day that does not exist, two numbers) is warned about and left blank, and
so are phone-looking numbers without a label, or labelled values for a field whose own column is used.

The role a note states ("Trưởng đoàn", "Phó đoàn", "P. Trưởng đoàn", "Trưởng đoàn; đi học đến 12/2025": the
wordings of ``role_words.note_role``) is the row's role in a roster with no role column, said as an inference, the
other notes ("Bổ sung tháng 8/2025", "Kiêm Tổ trưởng tổ dân phố 6") saying nothing of it; a note speaking of a role
unclearly ("Nguyên Trưởng đoàn") is warned at its cell and not read. With a role column (or roles read from
elsewhere) the notes are not read, and those stating another role are warned (``note_roles``)."""

import dataclasses
import re
from typing import Any

import pandas as pd

from ..date_words import worded_date
from ..normalising import fold, normalise_date, normalise_phone
from ..results import Column
from ..role_words import WORDING, note_role
from .roster_stage import RosterStage

# Headers of the columns read for labelled values, folded; the notes column is also found by its mapped field.
FREE_TEXT_HEADERS = ("ghi chu", "thong tin khac", "thong tin them", "chu thich", "thong tin lien he", "lien he")
_PHONE_LABEL = r"(?:s[oố]\s+)?(?:sđt|sdt|đtdđ|dtdd|đt|dt|dđ|dd|điện thoại(?:\s+di\s+động)?|di\s+động|mobile|tel)"
_PHONE_NUMBER = r"\(?\+?\d[\d .\-()]{7,16}\d"
PHONE = re.compile(rf"(?<![^\W\d_])(?:{_PHONE_LABEL})\s*[:.]?\s*(?P<value>{_PHONE_NUMBER})", re.IGNORECASE)
# A phone label before a colon or a digit: what follows was meant as the phone, read or not
PHONE_LABEL_ONLY = re.compile(rf"(?<![^\W\d_])(?:{_PHONE_LABEL})(?![^\W\d_])\s*(?:[:.]|(?=\d))", re.IGNORECASE)
_BIRTH_LABEL = r"(?:sn|ns|ngày\s+sinh|năm\s+sinh|sinh\s+ngày)"
_BIRTH_VALUE = (r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
                r"|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}|\d")
# The label, then a date (or something starting with a digit), or after a colon any text
BIRTH = re.compile(rf"(?<![^\W\d_])(?:{_BIRTH_LABEL})(?![^\W\d_])"
                   rf"\s*(?:[:.]?\s*(?P<value>{_BIRTH_VALUE})|:\s*(?P<other>[^;,\n]*))", re.IGNORECASE)
# A run of digits a phone may be (nine or more once spaces and dots are taken out)
PHONE_LIKE = re.compile(r"\+?\d[\d .\-]{7,16}\d")
EXAMPLES = 5

READ = ("cột {letter} «{header}»: {label} ghi trong ghi chú đã được lấy vì bảng không có cột {label} ({count} ô: "
        "{cells}); hãy kiểm tra lại")
UNREAD = ("cột {letter} «{header}»: {count} ô ghi {label} trong ghi chú nhưng không đọc được nên để trống ({cells}); "
          "hãy sửa lại")
BESIDE = ("cột {letter} «{header}»: {count} ô ghi {label} trong ghi chú khác với cột {label} {own}, không được lấy "
          "vì đã có cột riêng ({cells}); hãy kiểm tra lại")
LOOSE = ("cột {letter} «{header}»: {count} ô có dãy số giống số điện thoại nhưng không ghi rõ là điện thoại nên "
         "không được lấy ({cells}); hãy kiểm tra lại")


def labelled_phone(text: str) -> tuple[str | None, bool] | None:
    """(phone, read) of a labelled phone in a note, None when no phone label stands in it."""
    found = [match.group("value") for match in PHONE.finditer(text)]
    if not found:
        return (None, False) if PHONE_LABEL_ONLY.search(text) and any(ch.isdigit() for ch in text) else None
    phones = {normalise_phone(value) for value in found}
    others = {normalise_phone(match.group(0))[0] for match in PHONE_LIKE.finditer(text) if _phone_digits(match)}
    if len(phones) != 1 or len(others | {phone for phone, _ in phones}) > 1:  # two numbers: which one is unsaid
        return None, False
    (phone, problem), = phones
    return (phone, True) if problem is None else (None, False)


def labelled_birth(text: str) -> tuple[Any, bool] | None:
    """(birth date, read) of a labelled birth date in a note, None when no birth label stands in it."""
    match = BIRTH.search(text)
    if match is None:
        return None
    if match.group("value") is None:
        return None, False
    value = match.group("value").strip(" .")
    if value.isdigit():  # a digit opening something else ("SN: 1978", "NS 15/3"): the rest up to a separator
        value = re.split(r"[;,\n]", match.string[match.start("value"):], maxsplit=1)[0].strip(" .")
    date = worded_date(value)
    if date is None and any(ch.isdigit() for ch in value):
        date, problem = normalise_date(re.sub(r"\s+", "", value).replace(".", "/").replace("-", "/"))
        date = date if problem is None else None
    return (date, True) if date is not None else (None, False)


READERS = {"phone": (labelled_phone, "số điện thoại"), "birth_date": (labelled_birth, "ngày sinh")}


def free_text_columns(columns: list[Column], frame: pd.DataFrame) -> list[Column]:
    """The notes column and the unmapped columns headed as free text."""
    return [column for column in columns
            if column.index in frame.columns and not column.month
            and (column.field == "note"
                 or (column.field is None and fold(column.header).startswith(FREE_TEXT_HEADERS)))]


def _cells(column: Column, rows: list, texts: pd.Series) -> str:
    shown = ", ".join(f"{column.letter}{row} «{' '.join(str(texts[row]).split())}»" for row in rows[:EXAMPLES])
    return shown + (", …" if len(rows) > EXAMPLES else "")


def _say(stage: RosterStage, template: str, column: Column, field: str, rows: list, texts: pd.Series, **extra) -> None:
    if not rows:
        return
    text = template.format(letter=column.letter, header=column.header or "", count=len(rows),
                           label=READERS[field][1], cells=_cells(column, rows, texts), **extra)
    stage.issues.warning(int(rows[0]), column.letter, field, texts[rows[0]] if len(rows) == 1 else None, text)


def read_note_values(stage: RosterStage) -> None:
    """Fill fields without a column from values labelled in free-text columns, warning about all of it."""
    if not len(stage.frame):
        return
    taken: dict[str, pd.Series] = {}
    for column in free_text_columns(stage.columns, stage.frame):
        texts = stage.frame[column.index].map(lambda value: value if isinstance(value, str) and value.strip() else None)
        if not texts.notna().any():
            continue
        phone_rows = set()
        for field, (reader, _) in READERS.items():
            found = texts.map(lambda text, reader=reader: reader(text) if isinstance(text, str) else None)
            rows = [row for row in found.index if found[row] is not None]
            if field == "phone":
                phone_rows = set(rows)
            if not rows:
                continue
            own = stage.mapped(field)
            if own is not None:  # the own column wins; a note saying otherwise (or more) is pointed out
                other = [row for row in rows if not _same(field, stage.frame.at[row, own.index], found[row])]
                _say(stage, BESIDE, column, field, other, texts, own=f"{own.letter} «{own.header}»")
                continue
            read = [row for row in rows if found[row][1]]
            _say(stage, READ, column, field, read, texts)
            _say(stage, UNREAD, column, field, [row for row in rows if not found[row][1]], texts)
            values = pd.Series({row: found[row][0] for row in read}, dtype=object)
            earlier = taken.get(field)
            taken[field] = values if earlier is None else earlier.combine_first(values)
        loose = [row for row in texts.index
                 if isinstance(texts[row], str) and row not in phone_rows and _phone_like(texts[row])]
        _say(stage, LOOSE, column, "phone", loose, texts)
    for field, values in taken.items():
        stage.carry(field, values.reindex(stage.frame.index))


def _same(field: str, cell: Any, found: tuple[Any, bool]) -> bool:
    """Whether the field's own cell says what the note says."""
    value, read = found
    if not read:
        return False
    if field == "phone":
        return normalise_phone(cell)[0] == value
    return (worded_date(cell) or normalise_date(cell)[0]) == value


def _phone_digits(match: re.Match) -> bool:
    """A run of nine to twelve digits (spaces, dots and dashes aside) that is no date."""
    digits = re.sub(r"\D", "", match.group(0))
    return 9 <= len(digits) <= 12 and not re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", match.group(0).strip())


def _phone_like(text: str) -> bool:
    return any(_phone_digits(match) for match in PHONE_LIKE.finditer(text))


DOUBTFUL_ROLE = ("ô ghi chú «{text}» nói đến nhiệm vụ trong đoàn nhưng không rõ nhiệm vụ của đồng chí này (hoặc ghi "
                 "hai nhiệm vụ) nên không được lấy, coi là thành viên; hãy sửa nhiệm vụ trong bảng xem trước")
OTHER_ROLE = ("cột {letter} «{header}»: {count} ô ghi chú ghi nhiệm vụ khác với nhiệm vụ đã đọc {source}, không được "
              "lấy ({cells}); hãy kiểm tra lại")
UNCLEAR_ROLE = ("cột {letter} «{header}»: {count} ô ghi chú nói đến nhiệm vụ trong đoàn nhưng không rõ, không được "
                "lấy vì nhiệm vụ đã đọc {source} ({cells}); hãy kiểm tra lại")


@dataclasses.dataclass
class NoteRoles:
    """The roles the notes state: per row the role (None where no note states one), the note cell of each row
    stating or doubting one, and the rows whose note speaks of a role unclearly."""

    stated: pd.Series
    cells: dict[int, tuple[Column, str]] = dataclasses.field(default_factory=dict)
    doubtful: list[int] = dataclasses.field(default_factory=list)

    def cell(self, row: int) -> str:
        column, text = self.cells[row]
        return f"{column.letter}{row} «{' '.join(text.split())}»"


def note_roles(frame: pd.DataFrame, columns: list[Column]) -> NoteRoles | None:
    """The roles the free-text columns' notes state, None when no note speaks of a role in the group."""
    said: dict[int, str] = {}
    found = NoteRoles(pd.Series(None, index=frame.index, dtype=object))
    doubtful: set[int] = set()
    for column in free_text_columns(columns, frame):
        cells = frame[column.index]
        codes, uniques = pd.factorize(cells, use_na_sentinel=True)
        read = [note_role(value) for value in uniques]
        for label, code in zip(cells.index, codes):
            if code < 0 or read[code] == (None, False):
                continue
            role, unclear = read[code]
            row = int(label)
            if unclear or said.get(row, role) != role:
                doubtful.add(row)
            else:
                said[row] = role
            found.cells.setdefault(row, (column, str(uniques[code])))
    if not found.cells:
        return None
    found.stated = pd.Series([None if int(row) in doubtful else said.get(int(row)) for row in frame.index],
                             index=frame.index, dtype=object)
    found.doubtful = sorted(doubtful)
    return found


def use_note_roles(noted: NoteRoles | None, issues, inferences: list) -> NoteRoles | None:
    """The notes' roles for a roster with no role column: the unclear notes warned at their cells, what is read
    said as an inference. None when no note states a head or deputy (the rows stay members)."""
    if noted is None:
        return None
    for row in noted.doubtful:
        column, text = noted.cells[row]
        issues.warning(row, column.letter, "role", text, DOUBTFUL_ROLE.format(text=" ".join(text.split())))
    if not noted.stated.isin(["head", "deputy"]).any():
        return None
    counts = noted.stated.value_counts()
    rows = [int(row) for row in noted.stated.index[noted.stated.notna().to_numpy()]]
    sources = dict.fromkeys(f"cột {noted.cells[row][0].letter} «{noted.cells[row][0].header or ''}»" for row in rows)
    inferences.append({"what": "Nhiệm vụ trong đoàn",
                       "value": ", ".join(f"{int(counts[role])} {WORDING[role].lower()}" for role in WORDING
                                          if role in counts),
                       "source": "ghi chú ở " + ", ".join(sources) + " (" + _listed(noted, rows) + ")"})
    return noted


def check_note_roles(noted: NoteRoles | None, roles: pd.Series, by_field: dict, issues) -> None:
    """With the roles read from a role column (or elsewhere), notes stating another role, or speaking of one
    unclearly, are warned, naming the cells: the notes are not read, never dropped unsaid."""
    if noted is None:
        return
    spec = by_field.get("role")
    source = f"ở cột {spec.letter} «{spec.header or ''}»" if spec is not None and spec.letter else "từ cách ghi khác"
    other = [int(row) for row in noted.stated.index[noted.stated.notna().to_numpy()]
             if row in roles.index and roles[row] != noted.stated[row]]
    for template, rows in ((OTHER_ROLE, other), (UNCLEAR_ROLE, noted.doubtful)):
        by_column: dict[int, list[int]] = {}
        for row in rows:
            by_column.setdefault(noted.cells[row][0].index, []).append(row)
        for listed in by_column.values():
            column, text = noted.cells[listed[0]]
            issues.warning(listed[0], column.letter, "role", text if len(listed) == 1 else None, template.format(
                letter=column.letter, header=column.header or "", count=len(listed), source=source,
                cells=_listed(noted, listed)))


def _listed(noted: NoteRoles, rows: list[int]) -> str:
    return ", ".join(noted.cell(row) for row in rows[:EXAMPLES]) + (", …" if len(rows) > EXAMPLES else "")
