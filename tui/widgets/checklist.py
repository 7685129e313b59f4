"""The checklist table: one row a platform, one row a setting, drawn from the model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import events
from textual._two_way_dict import TwoWayDict
from textual.cache import LRUCache
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from automation.model import Setting

from .. import keys, view
from ..fitting import middle
from ..model import ChecklistModel, PlatformRow, Row, SettingRow

#: The state column's width: "✓ marked by you" fits.
STATE_WIDTH = 16
#: Narrower than this (columns inside the table), the wish column is shortened.
NARROW = 70


def _key(row: Row) -> str:
    if isinstance(row, PlatformRow):
        return "platform\x00" + row.platform
    return "setting\x00" + row.setting_id


def _row(key: str) -> Row:
    kind, _, name = key.partition("\x00")
    return PlatformRow(name) if kind == "platform" else SettingRow(name)


class Checklist(DataTable[Text]):
    """The checklist. It lays itself out from a :class:`ChecklistModel` and fits its
    columns to its width: labels too long end in an ellipsis, and the state column is
    never pushed out. Home and End go to the first and last row."""

    BINDINGS = keys.bindings(keys.TABLE)

    def __init__(self, model: ChecklistModel, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)  # type: ignore[arg-type]
        self.model = model
        self._widths: tuple[int, ...] = ()
        #: The spinner's frame for rows being worked on.
        self._frame = 0

    # -- what the app asks --------------------------------------------------------------

    def highlighted(self) -> Row | None:
        """The row under the cursor, if there is one."""
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return _row(key) if key is not None else None

    def selected_setting(self) -> Setting | None:
        """The setting under the cursor (``None`` on a platform's row)."""
        row = self.highlighted()
        return self.model.settings[row.setting_id] if isinstance(row, SettingRow) else None

    def selected_platform(self) -> str | None:
        """The platform of the row under the cursor."""
        row = self.highlighted()
        return None if row is None else self.model.platform_of(row)

    def rows_shown(self) -> list[Row]:
        return [_row(row.key.value or "") for row in self.ordered_rows]

    def cell(self, row: Row, column: str) -> Text:
        """A shown row's cell: ``column`` is "label", "state" or "wish"."""
        return self.get_cell(_key(row), column)

    def move_to(self, row: Row) -> None:
        """Put the cursor on ``row`` if it is shown."""
        shown = self.rows_shown()
        if row in shown:
            self.move_cursor(row=shown.index(row))

    def lay_out(self, keep: Row | None = None) -> None:
        """Show the model's rows again (grouping, folding, filter), keeping the cursor's
        row, or putting it on ``keep``."""
        if not self.columns:
            return  # not laid out yet: the first fitting of the columns builds the rows
        keep = keep or self.highlighted()
        rows = self.model.layout()
        if not self._replace_block(rows):
            self.clear()
            for row in rows:
                self.add_row(*self._cells(row), key=_key(row))
        shown = self.rows_shown()
        if keep in shown:
            self.move_cursor(row=shown.index(keep))
        else:
            first = next((i for i, r in enumerate(shown) if isinstance(r, SettingRow)), 0)
            self.move_cursor(row=first)

    def update_cells(self) -> None:
        """Draw the shown rows' cells again from the model: only those that changed."""
        cells: list[tuple[str, str, Text]] = []
        for row in self.rows_shown():
            key = _key(row)
            label, state, wish = self._cells(row)
            if isinstance(row, PlatformRow):
                cells += [(key, "label", label), (key, "wish", wish)]
            cells.append((key, "state", state))
        self._put(cells)

    def spin(self) -> None:
        """Turn the spinner of the rows being worked on; not while a dialog is over the
        checklist: each turn would draw the whole screen behind the dialog again."""
        if not self.model.busy or self.screen is not self.app.screen:
            return
        self._frame += 1
        keys = ((_key(SettingRow(i)), i) for i in list(self.model.busy))
        self._put([(key, "state", self.state_cell(i)) for key, i in keys if key in self.rows])

    def state_cell(self, setting_id: str) -> Text:
        """A setting's state, as its row shows it now."""
        model = self.model
        return self._ink(
            view.state_cell(
                model.settings[setting_id],
                model.readings.get(setting_id),
                model.busy.get(setting_id),
                self._frame,
                model.marks.get(setting_id),
                wish=model.desired.get(setting_id),
                drifted=model.drifted(setting_id),
            )
        )

    # -- drawing -----------------------------------------------------------------------

    def _put(self, cells: list[tuple[str, str, Text]]) -> None:
        """Put new texts in cells, and draw again only the rows whose text changed.

        DataTable's ``update_cell`` forgets every row and cell it has drawn and draws the
        whole table again: 80 rows, tens of milliseconds, for each engine event and each
        turn of the spinner. Here only the cells that changed are drawn again, and only
        their rows are put together again; the rest keep what they drew.
        """
        changed: set[tuple[RowKey, ColumnKey]] = set()
        for key, column, text in cells:
            row_key, column_key = RowKey(key), ColumnKey(column)
            if not view.same(self._data[row_key][column_key], text):
                self._data[row_key][column_key] = text
                changed.add((row_key, column_key))
        if not changed:
            return
        rows = {row_key for row_key, _ in changed}
        places = {self._row_locations.get(k) for k in rows}
        # A drawn row's key starts with the row's, a drawn cell's with the row's and the
        # column's; the cells' texts are kept under the row's place.
        _forget(self._row_render_cache, lambda k: k[0] in rows)
        _forget(self._cell_render_cache, lambda k: (k[0], k[1]) in changed)
        _forget(self._row_renderable_cache, lambda k: k[1] in places)
        self._line_cache.clear()
        for place in places:
            if place is not None:
                self.refresh_row(place)

    def _replace_block(self, rows: list[Row]) -> bool:
        """Go from the rows shown to ``rows`` by replacing one run of rows (a per-blog
        setting's row gives way to its blogs' rows, a platform is folded).

        Only the rows that come are put together and measured, not every row of the
        table. Returns ``False`` when the run would be longer than the rows around it
        that stay: then the table is laid out anew.
        """
        old = [row.key.value or "" for row in self.ordered_rows]
        new = [_key(row) for row in rows]
        before = 0
        while before < min(len(old), len(new)) and old[before] == new[before]:
            before += 1
        after = 0
        while after < min(len(old), len(new)) - before and old[-1 - after] == new[-1 - after]:
            after += 1
        gone, come = old[before : len(old) - after], new[before : len(new) - after]
        if not gone and not come:
            return True
        if set(gone) & set(come) or len(gone) + len(come) > before + after:
            return False
        for key in gone:
            self.remove_row(key)
        for row in rows[before : len(new) - after]:
            self.add_row(*self._cells(row), key=_key(row))
        self._row_locations = TwoWayDict({RowKey(key): i for i, key in enumerate(new)})
        self._update_count += 1  # the order changed: the table's caches by order go
        return True

    def on_resize(self, event: events.Resize) -> None:
        self.fit_columns()

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        # The scrollbar comes and goes with the rows (a filter, a fold): the label
        # column gives it its room, or takes it back.
        self.call_later(self.fit_columns)

    def fit_columns(self) -> None:
        """Give the label column what the state and wish columns leave."""
        room = self.scrollable_content_region.width or self.app.size.width
        narrow = room < NARROW
        wish = len("Want") if narrow else len("You want")
        padding = 2 * self.cell_padding * 3
        label = max(12, room - STATE_WIDTH - wish - padding)
        widths = (label, wish)
        if widths == self._widths:
            return
        self._widths = widths
        keep = self.highlighted()
        self.clear(columns=True)
        self.add_column("Setting", key="label", width=label)
        self.add_column("State", key="state", width=STATE_WIDTH)
        self.add_column("Want" if narrow else "You want", key="wish", width=wish)
        self.lay_out(keep)

    def _cells(self, row: Row) -> tuple[Text, Text, Text]:
        model = self.model
        if isinstance(row, PlatformRow):
            platform = row.platform
            name, signed, count = view.platform_cells(
                model.title(platform),
                model.members(platform),
                model.readings,
                platform in model.collapsed,
                model.desired,
            )
            # News of a sign-in (signing in, code needed, captcha) stands over the readings.
            note = model.notes.get(platform)
            if note is not None:
                signed = Text(note.word, style=note.style)
            return self._ink(name), self._ink(signed), count
        setting = model.settings[row.setting_id]
        return (
            self._label(setting),
            self.state_cell(setting.id),
            self._ink(view.wish_cell(setting, model.desired.get(setting.id))),
        )

    def _label(self, setting: Setting) -> Text:
        """A setting's name as its column holds it: cut in its middle where too long,
        its site's name and its mark kept whole."""
        label = view.label_cell(setting)
        if not self._widths:
            return label
        return middle(label, self._widths[0], keep=_kept_end(setting))

    def _ink(self, text: Text) -> Text:
        """``text`` as this terminal shows it best: with NO_COLOR its colours go (a red
        turned grey all but vanishes on a dark background), and bold and shapes stay."""
        return view.colourless(text) if self.app.no_color else text


def _kept_end(setting: Setting) -> int:
    """How many characters at the end of a setting's name stay when it is cut: the
    blog's or site's name of a per-blog setting's copy, and the mark of a guess."""
    kept = len(view.GUESS_MARK) if setting.guessed else 0
    site = setting.label.rfind(" (")
    if "@" in setting.key and site > 0 and setting.label.endswith(")"):
        kept += len(setting.label) - site
    return kept


def _forget(cache: LRUCache[Any, Any], stale: Callable[[Any], bool]) -> None:
    for key in [k for k in list(cache.keys()) if stale(k)]:
        cache.discard(key)
