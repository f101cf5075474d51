"""How hard the fuzz tests try: bounded and repeatable in CI, longer on request.

    EXPLORER_FUZZ_EXAMPLES=2000 python -m pytest tests/model/test_loader_fuzz.py tests/qt/test_ui_fuzz.py

runs every fuzz test with that many examples, from a fresh random seed each time.
"""

from __future__ import annotations

import os

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
