"""Translation helpers beyond Flask-Babel's own."""


def N_(message: str) -> str:
    """Mark a string for extraction into the catalogue; it is translated where it is shown."""
    return message
