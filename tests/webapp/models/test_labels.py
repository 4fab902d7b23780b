"""Enum labels are declared once, in `models.labels`: every stored enum has a word for each of its values."""
import enum

from webapp import models
from webapp.formfields import enum_choices
from webapp.models.labels import LABELS
from webapp.template_helpers import label


def test_every_model_enum_is_labelled_once_for_each_value():
    enums = {v for v in vars(models).values() if isinstance(v, type) and issubclass(v, enum.Enum)}
    enums.discard(models.JobStatus)  # a worker's state, never shown in words
    assert enums <= set(LABELS)
    transient = {models.BatchStatus.COMMITTING, models.BatchStatus.UNDOING}  # a batch passes these unseen
    for enum_cls in LABELS:
        assert set(LABELS[enum_cls]) == set(enum_cls) - transient, enum_cls


def test_filter_and_select_read_the_same_words(app):
    with app.test_request_context():
        assert label(models.MemberRole.HEAD) == "Trưởng đoàn"
        assert dict(enum_choices(models.MemberRole))["head"] == label(models.MemberRole.HEAD)
        assert enum_choices(models.TaskStatus, blank="—")[0] == ("", "—")
