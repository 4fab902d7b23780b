"""The live server's count of requests in flight, which a browser test's teardown waits to reach zero before the
database is emptied."""
import threading
import urllib.request

import pytest
from werkzeug.serving import make_server

from tests.browser.conftest import InFlight


@pytest.fixture
def slow_server():
    """A server whose one page answers only when the test lets it; (base URL, release event, counter)."""
    release = threading.Event()

    def app(environ, start_response):
        release.wait(10)
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
        return [b"ok"]

    counter = InFlight(app)
    server = counter.watch(make_server("127.0.0.1", 0, counter, threaded=True))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", release, counter
    release.set()
    server.shutdown()
    thread.join(timeout=5)


def test_teardown_waits_until_the_server_has_answered(slow_server):
    url, release, counter = slow_server
    answers = []
    client = threading.Thread(target=lambda: answers.append(urllib.request.urlopen(f"{url}/badge").read()))
    client.start()
    with counter.changed:
        assert counter.changed.wait_for(lambda: counter.running, timeout=5)
    with pytest.raises(pytest.fail.Exception, match=r"GET /badge"):
        counter.wait_idle(timeout=0.2)
    release.set()
    counter.wait_idle(timeout=5)
    client.join(timeout=5)
    assert answers == [b"ok"] and counter.running == {}
