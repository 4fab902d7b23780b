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


def paginate(statement, per_page: int | None = None, scalars: bool = True) -> Page:
    """Run `statement` for the page named by the `page` query argument."""
    per_page = per_page or current_app.config["PAGE_SIZE"]
    page = max(request.args.get("page", 1, type=bounded_int) or 1, 1)
    total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    page = min(page, max(1, ceil(total / per_page)))
    query = statement.limit(per_page).offset((page - 1) * per_page)
    result = db.session.execute(query)
    items = list(result.scalars() if scalars else result)
    return Page(items=items, page=page, per_page=per_page, total=total)
