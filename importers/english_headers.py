"""English header wordings, as Google Sheets templates, app exports and young officers write them ('Full name', 'DOB',
'Mobile', 'Team', 'Note', 'SĐT/Phone'): each is read as the Vietnamese wording it stands for, so that a field's
header words stay listed once, in the kinds' synonyms, and a kind without the field ('Status' in a roster) still
leaves the column unread.

Only whole labels are translated (folded, see ``normalising.fold``): an English word inside a Vietnamese label is
no wording of its own."""

# folded English wording -> folded Vietnamese wording
WORDINGS = {
    "no": "stt",
    "name": "ho va ten", "full name": "ho va ten", "fullname": "ho va ten", "member name": "ho va ten",
    "dob": "ngay sinh", "d o b": "ngay sinh", "date of birth": "ngay sinh", "birth date": "ngay sinh",
    "birthdate": "ngay sinh", "birthday": "ngay sinh",
    "mobile": "di dong", "mobile phone": "dien thoai di dong", "mobile number": "so di dong", "mobile no": "so di dong",
    "phone": "dien thoai", "phone number": "so dien thoai", "phone no": "so dien thoai", "tel": "dien thoai",
    "telephone": "dien thoai", "cell phone": "dien thoai di dong",
    "contact": "lien he", "contact number": "so lien he", "contact info": "thong tin lien he",
    "position": "chuc vu", "title": "chuc danh", "job title": "chuc danh", "job": "chuc vu",
    "group": "doan cong tac", "team": "doan cong tac", "working group": "doan cong tac", "group no": "doan so",
    "team no": "doan so", "group number": "doan so", "team number": "doan so",
    "role": "vai tro", "role in group": "vai tro trong doan", "role in team": "vai tro trong doan",
    "unit": "don vi", "assigned unit": "don vi phu trach", "unit in charge": "don vi phu trach",
    "followed unit": "don vi theo doi", "party cell": "chi bo", "assigned cell": "chi bo phu trach",
    "assigned party cell": "chi bo phu trach", "cell in charge": "chi bo phu trach", "followed cell": "chi bo theo doi",
    "note": "ghi chu", "notes": "ghi chu", "remark": "ghi chu", "remarks": "ghi chu", "comment": "ghi chu",
    "comments": "ghi chu",
    "status": "trang thai", "attendance": "diem danh",
    "date": "ngay", "meeting date": "ngay hop",
    "timestamp": "dau thoi gian",
}

# The words of these wordings, a letter alone ('d o b') aside: a bilingual header's English side is made of them
ENGLISH_WORDS = frozenset(word for wording in WORDINGS for word in wording.split() if len(word) > 1)


def english_header(folded: str) -> str | None:
    """The Vietnamese wording a folded English header stands for ('dob' -> 'ngay sinh'), else None."""
    return WORDINGS.get(folded)
