"""A signed-in storage state as Playwright writes one, for tests that need a session."""

from __future__ import annotations

from playwright.async_api import StorageStateCookie

from automation.accounts.sessions import StorageState


def linkedin_session(value: str) -> StorageState:
    """A storage state holding one LinkedIn session cookie (``li_at``) for the replica."""
    cookie: StorageStateCookie = {
        "name": "li_at",
        "value": value,
        "domain": "127.0.0.1",
        "path": "/",
        "expires": -1,
        "httpOnly": True,
        "secure": False,
        "sameSite": "Lax",
    }
    return {"cookies": [cookie], "origins": []}
