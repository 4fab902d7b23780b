"""The scope tests share the small town of the directory areas."""
from tests.webapp.town import login_as, login_in_ward, town  # noqa: F401
