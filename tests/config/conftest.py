"""Counters start empty, and a clock the sliding windows follow that tests can move."""

import pytest
from django.core.cache import cache

from config import ratelimit


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


class Clock:
    """Seconds since the epoch, moved by hand."""

    def __init__(self, start):
        self.moment = start

    def __call__(self):
        return self.moment

    def advance(self, seconds):
        self.moment += seconds


@pytest.fixture
def clock(monkeypatch):
    # A whole minute plus 30 s: the first posts fall in the middle of a clock minute.
    frozen = Clock(1_800_000_030.0)
    monkeypatch.setattr(ratelimit, "now", frozen)
    return frozen
