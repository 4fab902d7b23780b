"""UI labels of the meetings area's enums."""
from ..i18n import N_
from ..models import OpinionKind, Organiser
from ..models.meetings import REGISTER_LETTERS
from ..template_helpers import register_labels

ORGANISER_LABELS = {
    Organiser.PARTY_COMMITTEE: N_("Đảng ủy"),
    Organiser.PEOPLES_COUNCIL: N_("HĐND"),
    Organiser.PEOPLES_COMMITTEE: N_("UBND"),
    Organiser.FATHERLAND_FRONT: N_("Ủy ban MTTQ"),
    Organiser.MASS_ORGANISATION: N_("Đoàn thể"),
}
OPINION_KIND_LABELS = {
    OpinionKind.ADVANTAGES: N_("Thuận lợi"),
    OpinionKind.RESULTS: N_("Kết quả"),
    OpinionKind.DIFFICULTIES: N_("Khó khăn"),
    OpinionKind.SHORTCOMINGS: N_("Tồn tại, hạn chế"),
    OpinionKind.PROPOSALS: N_("Đề xuất, kiến nghị"),
}
STATUS_KEYS = {"present": "p", "late": "m", "excused": "c", "absent": "k"}
STATUS_SHORT = REGISTER_LETTERS

register_labels(Organiser, ORGANISER_LABELS)
register_labels(OpinionKind, OPINION_KIND_LABELS)
