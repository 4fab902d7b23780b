"""Simple offset pagination over a SQLAlchemy select."""
from dataclasses import dataclass
from math import ceil

from flask import current_app, request
from sqlalchemy import func, select

from .extensions import db
from .formfields import bounded_int


@dataclass
class Page:
    items: list
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def paginate(statement, per_page: int | None = None, scalars: bool = True, counted: bool = False) -> Page:
    """Run `statement` for the page named by the `page` query argument (a page past the end shows the last).

    `counted` (for a plain select: no DISTINCT, no UNION) asks for the page's rows and the total in one statement,
    the total as a last column (`count(*) OVER ()`, counted before LIMIT) instead of a count of its own first: a
    page's second statement, and building a count around the whole select, cost about as much as its rows. Rows
    (`scalars=False`) then keep that column, as `page_total`. Only a page past the end, which has no rows to
    carry the total, is counted apart and asked again."""
    per_page = per_page or current_app.config["PAGE_SIZE"]
    page = max(request.args.get("page", 1, type=bounded_int) or 1, 1)
    if counted:
        rows = _page_rows(statement.add_columns(func.count().over().label("page_total")), page, per_page)
        if rows or page == 1:
            items = [row[0] for row in rows] if scalars else rows
            return Page(items=items, page=page, per_page=per_page, total=rows[0][-1] if rows else 0)
    total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    page = min(page, max(1, ceil(total / per_page)))
    result = _page_rows(statement, page, per_page)
    items = [row[0] for row in result] if scalars else result
    return Page(items=items, page=page, per_page=per_page, total=total)


def _page_rows(statement, page: int, per_page: int) -> list:
    return list(db.session.execute(statement.limit(per_page).offset((page - 1) * per_page)))
