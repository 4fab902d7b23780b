"""Templates' url_for remembers plain relative URLs (per mount point) and builds everything else as Flask does."""
from flask import render_template_string, url_for
from werkzeug.routing import MapAdapter

# Values no other test builds: the memo lives as long as the app, which the tests of a worker share.
PAGE = ("{{ url_for('meetings.detail', meeting_id=97531) }}|{{ url_for('tasks.index', status=None, q='memo a b') }}|"
        "{{ url_for('meetings.detail', meeting_id=97531, _anchor='x') }}")


def test_urls_are_the_same_as_flasks_and_built_once(app, monkeypatch):
    builds = []
    original = MapAdapter.build
    monkeypatch.setattr(MapAdapter, "build", lambda self, *a, **k: builds.append(a[0]) or original(self, *a, **k))
    with app.test_request_context("/"):
        expected = "|".join([url_for("meetings.detail", meeting_id=97531),
                             url_for("tasks.index", status=None, q="memo a b"),
                             url_for("meetings.detail", meeting_id=97531, _anchor="x")])
        builds.clear()
        assert render_template_string(PAGE) == str(render_template_string("{{ e }}", e=expected))
        assert len(builds) == 3
        render_template_string(PAGE)
        assert len(builds) == 4  # only the anchored link is built again
    with app.test_request_context("/", base_url="http://localhost/town/"):
        assert render_template_string(PAGE).startswith("/town/meetings/97531|/town/tasks/?q=memo+a+b|")
