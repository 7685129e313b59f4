"""How long page code waits for what a page does, in milliseconds: one place, so that a
test can make the waits short and a slow machine can be given longer ones."""

from __future__ import annotations

#: How long to wait for the switch to appear once the page has loaded.
CONTROL_WAIT_MS = 10_000
#: How long to wait for the page's own request that saves a change.
SAVE_WAIT_MS = 10_000
#: How long one click may wait for its element to take it.
CLICK_WAIT_MS = 3_000
