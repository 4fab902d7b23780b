"""Fixtures of the tasks area: a briefing with one conclusion point and one opinion."""
from datetime import date

import pytest

from webapp.extensions import db
from webapp.models import ConclusionPoint, Meeting, MeetingKind, Opinion, OpinionKind


@pytest.fixture
def briefing(app):
    meeting = Meeting(kind=MeetingKind.BRIEFING, held_on=date(2026, 9, 7), title="Giao ban các Đoàn công tác")
    db.session.add(meeting)
    db.session.commit()
    return meeting


@pytest.fixture
def conclusion_point(briefing):
    point = ConclusionPoint(meeting=briefing, number=1, text="Sửa đổi quy chế hoạt động trong tháng 9",
                            deadline=date(2026, 9, 30))
    db.session.add(point)
    db.session.commit()
    return point


@pytest.fixture
def opinion(briefing):
    opinion = Opinion(meeting=briefing, position=1, speaker_name="Đặng Ngọc Vệ", kind=OpinionKind.PROPOSALS,
                      text="Đề nghị tăng cường nắm tâm tư của Nhân dân")
    db.session.add(opinion)
    db.session.commit()
    return opinion
