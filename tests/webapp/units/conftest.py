from tests.webapp.town import login_as, login_in_ward, town  # noqa: F401  (shared directory fixtures)
