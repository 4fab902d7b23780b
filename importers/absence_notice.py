"""Whether an absence was reported, as officers type it in a status cell or a legend's meaning: "Vắng có báo",
"vắng (ốm, có báo)", "Vắng - đi biển, có báo", "báo trước", "xin phép" say the member let the cell know (vắng có
phép); "Vắng không báo", "vắng, ko báo", "k báo", "không xin phép" say not (vắng không phép). The reason written
around the words ("đi biển", "ốm") changes nothing: the notice decides.

One vocabulary for both readers — a cell's own words (``status_phrases.PHRASES``) and a legend's meanings
(``legends.MEANINGS``) — so a log and its legend never read the same words two ways. Wordings are folded (see
``normalising.fold``) and matched as whole words; the unreported ones are tried first, as "không báo" holds "báo"
and "không báo trước" holds "báo trước". "báo cáo viên" (the member who reports at the meeting) is none of these:
"báo" alone is no notice.

A notice beside an arrival qualifies the arrival, not an absence: "Đến muộn, có báo", "đi muộn không báo" are late,
"Có mặt (có báo)" present — unless the words also say the member was away ("Vắng, đến muộn"): ``came``."""

UNREPORTED = ("khong bao", "ko bao", "k bao", "kh bao", "khong co bao", "khong xin phep", "ko xin phep",
              "k xin phep", "kh xin phep")
REPORTED = ("co bao", "co bao cao", "co bao truoc", "bao truoc", "da bao", "da bao cao", "xin phep", "co xin phep",
            "da xin phep", "bao vang", "bao nghi")
# An arrival late, and words saying the member was away after all (folded, whole words)
LATE_WORDS = ("muon", "tre", "den cham", "di cham", "late")
AWAY_WORDS = ("vang", "nghi", "khong du", "khong tham du", "khong co mat", "khong di", "khong den", "absent")
PRESENT_WORDS = ("co mat", "tham du", "du hop", "present")


def came(folded: str) -> bool:
    """Whether folded words say the member came, late or on time, and nowhere that they were away: then a notice
    among them ("có báo", "không báo") is no absence."""
    padded = f" {folded} "
    arrived = any(f" {word} " in padded for word in (*LATE_WORDS, *PRESENT_WORDS))
    return arrived and not any(f" {word} " in padded for word in AWAY_WORDS)
