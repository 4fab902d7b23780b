"""The late-evening run of .ci/run moves the wall clock of every process of the run by the same amount."""
import os
import subprocess
import sys
import time

import pytest

SHIFT = os.environ.get("DOANCONGTAC_CLOCK_SHIFT")


@pytest.mark.skipif(not SHIFT, reason="only in the run with a shifted clock (.ci/run)")
def test_the_shifted_run_moves_this_process_and_the_ones_it_starts_alike():
    assert "time_machine" in sys.modules
    child = float(subprocess.run([sys.executable, "-c", "import time; print(time.time())"], check=True,
                                 capture_output=True, text=True, timeout=60).stdout)
    unshifted_env = {key: value for key, value in os.environ.items() if key != "DOANCONGTAC_CLOCK_SHIFT"}
    real = float(subprocess.run([sys.executable, "-c", "import time; print(time.time())"], check=True,
                                capture_output=True, text=True, timeout=60, env=unshifted_env).stdout)
    assert abs(child - time.time()) < 30
    assert abs((child - real) - float(SHIFT)) < 30


def test_timed_waits_take_their_time():
    """A shifted clock must leave the monotonic clock alone: a 0.2 s wait takes 0.2 s, not the shift."""
    import threading
    started = time.monotonic()
    threading.Event().wait(0.2)
    assert 0.15 < time.monotonic() - started < 5
