"""The English catalogue covers every Vietnamese message in the code and templates."""
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "webapp" / "translations" / "en" / "LC_MESSAGES" / "messages.po"
METHODS = [("webapp/**.py", "python"), ("templates/**.html", "jinja2")]
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None, "N_": None}


def _catalogue():
    with CATALOGUE.open("rb") as handle:
        return read_po(handle)


def _wanted_directory(path: str) -> bool:
    """Babel skips folders starting with '_' by default; templates/_partials and _macros hold messages too."""
    name = Path(path).name
    return not name.startswith(".") and name not in ("__pycache__", "node_modules")


def _source_messages() -> set[str]:
    found = set()
    for *_, message, _comments, _context in extract_from_dir(
            ROOT, METHODS, keywords=KEYWORDS, options_map={"templates/**.html": {"extensions": "jinja2.ext.i18n"}},
            directory_filter=_wanted_directory):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_catalogue_entry_is_translated():
    missing = [m.id for m in _catalogue() if m.id and (not m.string or m.fuzzy)]
    assert missing == [], "run scripts/i18n.sh and translate these"


def test_every_message_in_the_sources_is_in_the_catalogue():
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalogue() if m.id}
    assert sorted(_source_messages() - known) == [], "run scripts/i18n.sh and translate these"
