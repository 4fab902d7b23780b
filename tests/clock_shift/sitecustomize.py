"""Moves the wall clock of every Python process of a test run by DOANCONGTAC_CLOCK_SHIFT seconds (.ci/run's
late-evening run puts this folder on PYTHONPATH, so the processes the tests start read the same time as the tests).

Only the wall clock moves (time.time, datetime.now, date.today …), with time ticking on; the monotonic clock that
timed waits and sleeps use is untouched. libfaketime shifted that one too, and every timed wait then slept for the
shift.
"""
import os

_shift = os.environ.get("DOANCONGTAC_CLOCK_SHIFT")
if _shift:
    import time

    import time_machine

    time_machine.travel(time.time() + float(_shift), tick=True).start()
