"""The serving processes freeze the start-up heap before they accept requests (webapp/heap.py)."""
import gc
import sys

import pytest

from webapp import serving
from webapp.imports import jobs


@pytest.fixture
def calls(monkeypatch):
    """Record, in order, the heap freezes and the waitress start-ups (neither really happens)."""
    seen = []
    monkeypatch.setattr(gc, "freeze", lambda: seen.append("freeze"))
    monkeypatch.setattr("waitress.serve", lambda *args, **kwargs: seen.append("serve"))
    return seen


def test_flask_serve_freezes_the_heap_then_serves(app, runner, monkeypatch, calls):
    monkeypatch.setitem(app.config, "IMPORT_WORKER", "external")
    monkeypatch.setattr(jobs, "start_worker_thread", lambda app: None)
    result = runner.invoke(args=["serve", "--port", "8999"])
    assert result.exit_code == 0, result.output
    assert calls == ["freeze", "serve"]


def test_the_console_script_freezes_the_heap_then_serves(app, monkeypatch, calls):
    monkeypatch.setattr(sys, "argv", ["doancongtac-serve", "--port", "8999"])
    monkeypatch.setattr("webapp.create_app", lambda: app)
    serving.main()
    assert calls == ["freeze", "serve"]
