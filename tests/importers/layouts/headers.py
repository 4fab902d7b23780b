"""Multi-row headers from label paths: a column's path is [top, …, leaf]; equal neighbours merge across,
a leaf above the last header row merges down to it."""


def contiguous_tops(tops: dict, col: dict) -> dict:
    """Keep a top label only where it spans two or more adjacent columns."""
    tops = {k: v for k, v in tops.items() if k in col}
    for label in set(tops.values()):
        spanned = sorted(col[k] for k in tops if tops[k] == label)
        if len(spanned) < 2 or spanned[-1] - spanned[0] + 1 != len(spanned):
            tops = {k: v for k, v in tops.items() if v != label}
    return tops


def add_header(sheet, paths: list[list[str]]) -> int:
    """Write the header rows for `paths` (one per column); returns the 1-based last header row."""
    depth = max(len(p) for p in paths)
    first = len(sheet.rows)
    for _ in range(depth):
        sheet.add([None] * len(paths))
    for c, path in enumerate(paths):
        for level, label in enumerate(path):
            leaf = level == len(path) - 1
            if leaf:
                sheet.rows[first + level][c] = label
                sheet.merge(first + level, c, first + depth - 1, c)
            elif c == 0 or paths[c - 1][:level + 1] != path[:level + 1] or len(paths[c - 1]) <= level + 1:
                end = c
                while end + 1 < len(paths) and paths[end + 1][:level + 1] == path[:level + 1] \
                        and len(paths[end + 1]) > level + 1:
                    end += 1
                sheet.rows[first + level][c] = label
                sheet.merge(first + level, c, first + level, end)
    return first + depth
