"""What the screen and the commands use of the engine, as a protocol.

:class:`~automation.engine.core.Engine` is one; so is anything else that reads and
changes settings and tells its subscribers as it goes (the tests' engine that keeps its
states in memory).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from automation.accounts.secrets import Credentials
    from automation.accounts.sessions import Sessions, StorageState
    from automation.accounts.signin import AskCode
    from automation.domain import events
    from automation.domain.settings import Reading, Setting, State
    from automation.domain.walls import Wall
    from automation.engine.options import Options
    from automation.plugin import Plugin


class EngineProtocol(Protocol):
    """Reads and changes settings through the plugins, and tells its subscribers.

    Events come in the engine's order: ``Checking`` for every setting of a check before
    any ``Read``; ``Expanded`` then ``Checking`` for each blog of a per-blog setting;
    ``Changing`` then ``Changed`` around a change; ``SigningIn`` before a sign-in with
    stored credentials; ``Problem`` for what is no one setting's reading.
    """

    #: Asks the user for a verification code; without it a code page ends signing in.
    ask_code: AskCode | None

    @property
    def options(self) -> Options: ...

    @property
    def sessions(self) -> Sessions: ...

    @property
    def plugins(self) -> Mapping[str, Plugin]: ...

    @property
    def started(self) -> bool: ...

    @property
    def browser(self) -> str | None: ...

    def subscribe(self, listener: Callable[[events.Event], None]) -> Callable[[], None]:
        """Call ``listener`` with every event; returns a function that unsubscribes."""
        ...

    def setting(self, setting_id: str) -> Setting:
        """The setting ``setting_id`` (one blog's copy too); ``KeyError`` when unknown."""
        ...

    def open_pages(self) -> dict[str, int]:
        """The pages open now in each platform's browser context."""
        ...

    async def start(self) -> None:
        """Start the browser (once); raises ``BrowserError`` with a message for the user."""
        ...

    def prepare(self) -> None:
        """Do what must be done before any browser reaches a site (once)."""
        ...

    async def close(self) -> None:
        """Close the browser; safe to call twice. Work still waiting raises
        ``EngineClosed``."""
        ...

    async def check(self, setting_ids: Iterable[str] | None = None) -> list[Reading]:
        """Read the given settings (all by default); manual ones are not read."""
        ...

    async def change(self, setting_id: str, value: State) -> Reading:
        """Switch one setting to ``value``; the reading is the read-back."""
        ...

    def capture_next(self, setting_id: str) -> None:
        """Keep a capture of ``setting_id``'s page the next time it is read."""
        ...

    async def sign_in(self, name: str, credentials: Credentials) -> Wall | None:
        """Sign in to platform ``name``; ``None`` once signed in, else the wall."""
        ...

    async def use_session(self, name: str, state: StorageState) -> None:
        """Use a session signed in elsewhere from now on, and keep it."""
        ...

    async def sign_out(self, name: str) -> bool:
        """Forget platform ``name``'s session here; True when one was kept."""
        ...
