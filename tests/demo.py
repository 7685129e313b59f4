"""Helpers for tests that run the LinkedIn demo (the ``linkedin_demo`` fixture)."""

from __future__ import annotations

from automation.engine.runtime import Runtime
from automation.replicas import DEMO_USERNAME
from automation.replicas.server import Account


def account(runtime: Runtime) -> Account:
    """The demo account on the replica LinkedIn, whose settings the tests set and read."""
    assert runtime.demo is not None
    return runtime.demo.sites["linkedin"].account(DEMO_USERNAME)
