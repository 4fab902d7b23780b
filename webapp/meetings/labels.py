"""The attendance register's mark letters (the enums' words are declared in `models.labels`)."""
from ..models.meetings import REGISTER_LETTERS

STATUS_KEYS = {"present": "p", "late": "m", "excused": "c", "absent": "k", "exempt": "s"}
STATUS_SHORT = REGISTER_LETTERS
