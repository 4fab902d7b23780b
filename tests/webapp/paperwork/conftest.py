from tests.webapp.town import login_as, town  # noqa: F401  (shared directory fixtures)
