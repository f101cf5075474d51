"""How hard the fuzz tests try: bounded and repeatable in CI, longer on request.

    EXPLORER_FUZZ_EXAMPLES=2000 python -m pytest tests/model/load/test_loader_fuzz.py tests/qt/test_ui_fuzz.py

runs every fuzz test with that many examples, from a fresh random seed each time.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager

from hypothesis import HealthCheck, settings

LONG_RUN = os.environ.get("EXPLORER_FUZZ_EXAMPLES", "").strip()


def fuzz_settings(examples: int, **overrides) -> settings:
    """Hypothesis settings with `examples` cases in CI (fixed seed), or the long-run count."""
    options = dict(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        suppress_health_check=[
            HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture,
        ],
    )
    options.update(overrides)
    if LONG_RUN.isdigit():
        options.update(max_examples=int(LONG_RUN), derandomize=False)
    return settings(**options)


class Hang(AssertionError):
    """A fuzz case ran past its time bound."""


@contextmanager
def no_hang(seconds: float = 10.0):
    """Fail a fuzz case that runs longer than `seconds` (a hang, not a slow case: the bound is
    generous on purpose). Uses SIGALRM, so only on the main thread of a POSIX process."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum, _frame):
        raise Hang(f"the case did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
