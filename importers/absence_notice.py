"""Whether an absence was reported, as officers type it in a status cell or a legend's meaning: "Vắng có báo",
"vắng (ốm, có báo)", "Vắng - đi biển, có báo", "báo trước", "xin phép" say the member let the cell know (vắng có
phép); "Vắng không báo", "vắng, ko báo", "k báo", "không xin phép" say not (vắng không phép). The reason written
around the words ("đi biển", "ốm") changes nothing: the notice decides.

One vocabulary for both readers — a cell's own words (``status_phrases.PHRASES``) and a legend's meanings
(``legends.MEANINGS``) — so a log and its legend never read the same words two ways. Wordings are folded (see
``normalising.fold``) and matched as whole words; the unreported ones are tried first, as "không báo" holds "báo"
and "không báo trước" holds "báo trước". "báo cáo viên" (the member who reports at the meeting) is none of these:
"báo" alone is no notice."""

UNREPORTED = ("khong bao", "ko bao", "k bao", "kh bao", "khong co bao", "khong xin phep", "ko xin phep",
              "k xin phep", "kh xin phep")
REPORTED = ("co bao", "co bao cao", "co bao truoc", "bao truoc", "da bao", "da bao cao", "xin phep", "co xin phep",
            "da xin phep", "bao vang", "bao nghi")
