"""Translation helpers beyond Flask-Babel's own."""

LOCALES = ("vi", "en")  # the interface's languages, Vietnamese first


def N_(message: str) -> str:
    """Mark a string for extraction into the catalogue; it is translated where it is shown."""
    return message


def in_vietnamese(message) -> str:
    """A (lazy) message rendered in Vietnamese whoever is asking, also outside a request (background jobs,
    command line), where the locale selector has no session to read."""
    from flask_babel import force_locale

    with force_locale("vi"):
        return str(message)
