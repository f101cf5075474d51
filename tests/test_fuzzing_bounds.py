"""The fuzz tests' hang guard stops a case that runs too long, and lets quick ones through."""

from __future__ import annotations

import time

import pytest

from tests.helpers.fuzzing import Hang, no_hang


def test_a_case_past_its_bound_fails_as_a_hang():
    with pytest.raises(Hang):
        with no_hang(0.05):
            time.sleep(1)


def test_a_quick_case_passes_and_the_alarm_is_cleared():
    with no_hang(0.05):
        pass
    time.sleep(0.1)  # a leftover alarm would interrupt this
