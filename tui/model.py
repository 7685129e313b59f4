"""The checklist as plain data: rows, states, work under way, filter and folds.

:class:`ChecklistModel` knows nothing of Textual. The engine's events update it
through :meth:`ChecklistModel.apply`, the widgets draw from it, and the tests drive it
without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Protocol

from automation import setting_text
from automation.domain import events, wishes
from automation.domain.settings import Kind, Reading, Setting, State
from automation.domain.wishes import Wish
from automation.language import Sentence


class MarkBook(Protocol):
    """The by-hand steps marked done: setting id → when."""

    def __contains__(self, setting_id: object) -> bool: ...

    def get(self, setting_id: str) -> datetime | None: ...


@dataclass(frozen=True)
class PlatformRow:
    """The header row of a platform."""

    platform: str


@dataclass(frozen=True)
class SettingRow:
    """The row of one setting."""

    setting_id: str


#: A row of the checklist, as the widgets and the app refer to it.
Row = PlatformRow | SettingRow


class Redraw(Enum):
    """What an update asks of the widgets."""

    NOTHING = 0
    #: Cells changed; the rows are the same.
    CELLS = 1
    #: Rows came or went: lay the table out again.
    ROWS = 2


@dataclass(frozen=True)
class AccountNote:
    """What a platform row says about signing in, until the next reading."""

    word: str
    detail: str
    style: str = "magenta"


@dataclass(frozen=True)
class Counts:
    """The numbers the status line shows."""

    readable: int
    #: Read, and as the person wants it (as wished, or left as it is).
    as_wished: int
    #: Per state that is not a value ("unknown", "needs login"…): how many rows read it.
    not_values: dict[State, int]
    by_hand: int
    marked: int
    busy: int
    drifted: int


class ChecklistModel:
    """Everything the checklist shows, and nothing about how it is drawn.

    ``desired`` gives a setting's wanted state from the config; ``lookup`` finds a
    setting the engine names that is not a row yet (a blog read by its id);
    ``marks`` holds the by-hand steps marked done; ``drifted`` tells whether a
    setting changed since the last check without privacy-tui changing it.
    """

    def __init__(
        self,
        settings: Sequence[Setting],
        *,
        titles: Mapping[str, str],
        desired: Callable[[Setting], Wish],
        lookup: Callable[[str], Setting],
        marks: MarkBook | None = None,
        drifted: Callable[[str], bool] = lambda setting_id: False,
    ) -> None:
        self.titles = dict(titles)
        self._desired_of = desired
        self._lookup = lookup
        self.marks: MarkBook = marks if marks is not None else {}
        self._drifted = drifted
        #: The checklist's settings in order; a per-blog setting gives way to its blogs.
        self.rows: list[Setting] = list(settings)
        self.settings: dict[str, Setting] = {s.id: s for s in self.rows}
        #: What the person wants of each setting: a value, or None to leave it as it is.
        self.desired: dict[str, Wish] = {i: desired(s) for i, s in self.settings.items()}
        self.readings: dict[str, Reading] = {}
        #: Setting id → "checking" or "changing".
        self.busy: dict[str, str] = {}
        #: Setting id → the piece of work that marked it busy; its end releases the row.
        self._owners: dict[str, object] = {}
        self.collapsed: set[str] = set()
        self.filter_text = ""
        self.notes: dict[str, AccountNote] = {}
        #: How many settings the work under way has taken up (for the progress bar).
        self.wave = 0

    # -- what happens ------------------------------------------------------------------

    def apply(self, event: events.Event, owner: object | None = None) -> Redraw:
        """Take in one engine event; ``owner`` is the work that sent it."""
        if isinstance(event, events.Checking | events.Changing):
            if not self.busy:
                self.wave = 0
            self.wave += 1
            self.busy[event.setting_id] = (
                "checking" if isinstance(event, events.Checking) else "changing"
            )
            if owner is not None:
                self._owners[event.setting_id] = owner
            return Redraw.CELLS
        if isinstance(event, events.Read | events.Changed):
            self.read(event.reading)
            return Redraw.CELLS
        if isinstance(event, events.Expanded):
            return self.expand(event.setting_id, event.settings)
        return Redraw.NOTHING

    def read(self, reading: Reading) -> None:
        """A setting was read: its row shows it, and its platform's note gives way."""
        setting = self.setting(reading.setting_id)
        self._done(reading.setting_id)
        self.readings[reading.setting_id] = reading
        self.notes.pop(setting.platform, None)

    def release(self, owner: object, error: BaseException | None = None) -> list[str]:
        """The work ``owner`` ended: its rows are no longer busy.

        A row it never reported on keeps its last reading (or stays "not read"),
        unless the work failed with ``error``: then the row says so, rather than
        showing an old value.
        """
        left = [i for i, o in self._owners.items() if o is owner]
        for setting_id in left:
            self._done(setting_id)
            if error is not None:
                self.readings[setting_id] = Reading(
                    setting_id,
                    State.ERROR,
                    Sentence("The work on this setting failed: {error}", error=str(error)),
                )
        return left

    def setting(self, setting_id: str) -> Setting:
        """The setting of ``setting_id``, learnt from the engine if it is not a row yet."""
        if setting_id not in self.settings:
            setting = self._lookup(setting_id)
            self.settings[setting_id] = setting
            self.desired[setting_id] = self._desired_of(setting)
        return self.settings[setting_id]

    def expand(self, setting_id: str, found: Iterable[Setting]) -> Redraw:
        """A per-blog setting's row gives way to one row for each blog found.

        Listed again (a preset, reading all), a blog that is new gets its row next
        to the others.
        """
        # The listing is over, whatever it found: the setting's own row is not busy.
        self._done(setting_id)
        template = self.settings.get(setting_id)
        if template is None:
            return Redraw.CELLS
        known = {s.id for s in self.rows}
        fresh = [s for s in found if s.id not in known]
        for setting in fresh:
            self.settings[setting.id] = setting
            self.desired[setting.id] = self._desired_of(setting)
        if template in self.rows:
            place = self.rows.index(template)
            self.rows[place : place + 1] = fresh
        elif fresh:
            siblings = [i for i, s in enumerate(self.rows) if s.template_id == template.id]
            place = siblings[-1] + 1 if siblings else len(self.rows)
            self.rows[place:place] = fresh
        else:
            return Redraw.CELLS
        return Redraw.ROWS

    def forget(self, platform: str) -> None:
        """Drop a platform's readings: they were made with a session now forgotten."""
        for setting_id in self.ids(platform):
            self.readings.pop(setting_id, None)

    def note(self, platform: str, word: str | None, detail: str = "", style: str = "") -> None:
        """Put a sign-in note on a platform's row (``None`` takes it away)."""
        if word is None:
            self.notes.pop(platform, None)
        else:
            self.notes[platform] = AccountNote(word, detail, style or "magenta")

    def fold(self, platform: str) -> None:
        """Fold a platform's rows, or unfold them."""
        self.collapsed.symmetric_difference_update({platform})

    def show(self, setting_id: str) -> None:
        """Make a setting's row visible: unfold its platform, and drop a filter that hides it."""
        setting = self.settings[setting_id]
        if not self.visible(setting):
            self.filter_text = ""
        self.collapsed.discard(setting.platform)

    def _done(self, setting_id: str) -> None:
        self.busy.pop(setting_id, None)
        self._owners.pop(setting_id, None)

    # -- what it shows ----------------------------------------------------------------

    def title(self, platform: str) -> str:
        return self.titles.get(platform, platform)

    def platforms(self) -> list[str]:
        """The platforms, in the order of their first row."""
        return list(dict.fromkeys(s.platform for s in self.rows))

    def members(self, platform: str) -> list[Setting]:
        return [s for s in self.rows if s.platform == platform]

    def ids(self, platform: str) -> list[str]:
        """Every setting id of a platform the checklist knows, blogs and all."""
        return [i for i, s in self.settings.items() if s.platform == platform]

    def readable_ids(self) -> list[str]:
        """The rows a browser can read (not the by-hand steps)."""
        return [s.id for s in self.rows if s.kind is not Kind.MANUAL]

    def idle_ids(self) -> list[str]:
        """The readable rows no work is under way on."""
        return [i for i in self.readable_ids() if i not in self.busy]

    def visible(self, setting: Setting) -> bool:
        """Whether the filter lets the setting's row be shown."""
        needle = self.filter_text.lower()
        if not needle:
            return True
        title = self.title(setting.platform)
        return any(
            needle in text.lower()
            for text in (setting.label, setting_text.label(setting), setting.id, title)
        )

    def layout(self) -> list[Row]:
        """The rows to show, in order: each platform's header, then its unfolded settings."""
        rows: list[Row] = []
        for platform in self.platforms():
            shown = [s for s in self.members(platform) if self.visible(s)]
            if not shown:
                continue
            rows.append(PlatformRow(platform))
            if platform not in self.collapsed:
                rows.extend(SettingRow(s.id) for s in shown)
        return rows

    def platform_of(self, row: Row) -> str:
        if isinstance(row, PlatformRow):
            return row.platform
        return self.settings[row.setting_id].platform

    def signed_in(self, platform: str) -> bool:
        """Whether a setting of the platform was last read from a signed-in page."""
        return any(
            self.readings[i].state.is_value for i in self.ids(platform) if i in self.readings
        )

    def drifted(self, setting_id: str) -> bool:
        return self._drifted(setting_id)

    def counts(self) -> Counts:
        readable = [s for s in self.rows if s.kind is not Kind.MANUAL]
        not_values: dict[State, int] = {}
        good = 0
        for setting in readable:
            reading = self.readings.get(setting.id)
            if reading is None:
                continue
            if wishes.judge(self.desired.get(setting.id), reading.state).fine:
                good += 1
            if not reading.state.is_value:
                not_values[reading.state] = not_values.get(reading.state, 0) + 1
        by_hand = [s for s in self.rows if s.kind is Kind.MANUAL]
        return Counts(
            readable=len(readable),
            as_wished=good,
            not_values=not_values,
            by_hand=len(by_hand),
            marked=sum(1 for s in by_hand if s.id in self.marks),
            busy=len(self.busy),
            drifted=sum(1 for s in self.rows if self._drifted(s.id)),
        )

    def progress(self) -> tuple[int, int]:
        """(settings taken up by the work under way, how many of them are done)."""
        total = max(self.wave, 1)
        return total, self.wave - len(self.busy)
