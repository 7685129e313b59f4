"""The checklist table: one row a platform, one row a setting, drawn from the model."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events

from automation.domain.settings import Setting
from automation.language import _

from .. import keys, view
from ..fitting import middle
from ..model import ChecklistModel, PlatformRow, Row, SettingRow
from .table import PADDING, Column, LineTable

#: The state column's width: "✓ marked by you" fits.
STATE_WIDTH = 16
#: Narrower than this (columns inside the table), the wish column is shortened.
NARROW = 70


class Checklist(LineTable[Row]):
    """The checklist. It lays itself out from a :class:`ChecklistModel` and fits its
    columns to its width: labels too long end in an ellipsis, and the state column is
    never pushed out. Home and End go to the first and last row.

    Its cells are drawn again from the model on each update, and only the rows whose
    cells changed are drawn on screen again (a reading, a turn of the spinner).
    """

    BINDINGS = keys.bindings(keys.TABLE)

    def __init__(self, model: ChecklistModel, **kwargs: str) -> None:
        super().__init__(**kwargs)
        self.model = model
        #: The spinner's frame for rows being worked on.
        self.frame = 0

    # -- what the app asks --------------------------------------------------------------

    def selected_setting(self) -> Setting | None:
        """The setting under the cursor (``None`` on a platform's row)."""
        row = self.highlighted()
        return self.model.settings[row.setting_id] if isinstance(row, SettingRow) else None

    def selected_platform(self) -> str | None:
        """The platform of the row under the cursor."""
        row = self.highlighted()
        return None if row is None else self.model.platform_of(row)

    def rows_shown(self) -> list[Row]:
        return self.rows()

    def cell(self, row: Row, column: str) -> Text:
        """A shown row's cell: ``column`` is "label", "state" or "wish"."""
        return self.get_cell(row, column)

    def label_width(self) -> int:
        """The room of the label column (padding not counted)."""
        return self.columns[0].width if self.columns else 0

    def move_to(self, row: Row) -> None:
        """Put the cursor on ``row`` if it is shown."""
        shown = self.rows()
        if row in shown:
            self.move_cursor(row=shown.index(row))

    def lay_out(self, keep: Row | None = None) -> None:
        """Show the model's rows again (grouping, folding, filter), keeping the cursor's
        row, or putting it on ``keep``."""
        if not self.columns:
            return  # not laid out yet: the first fitting of the columns builds the rows
        keep = keep or self.highlighted()
        self.show_rows(self.model.layout(), self._cells_of)
        shown = self.rows()
        if keep in shown:
            self.move_cursor(row=shown.index(keep))
        else:
            first = next((i for i, r in enumerate(shown) if isinstance(r, SettingRow)), 0)
            self.move_cursor(row=first)

    def update_cells(self) -> None:
        """Draw the shown rows' cells again from the model: only those that changed."""
        for row in self.rows():
            label, state, wish = self._cells_of(row, label=isinstance(row, PlatformRow))
            if isinstance(row, PlatformRow):
                self.update_row(row, {"label": label, "state": state, "wish": wish})
            else:
                self.update_row(row, {"state": state, "wish": wish})

    def spin(self) -> None:
        """Turn the spinner of the rows being worked on; not while a dialog is over the
        checklist: each turn would draw the whole screen behind the dialog again."""
        if not self.model.busy or self.screen is not self.app.screen:
            return
        self.frame += 1
        for setting_id in list(self.model.busy):
            self.update_row(SettingRow(setting_id), {"state": self.state_cell(setting_id)})

    def state_cell(self, setting_id: str) -> Text:
        """A setting's state, as its row shows it now."""
        model = self.model
        return self._ink(
            view.state_cell(
                model.settings[setting_id],
                model.readings.get(setting_id),
                model.busy.get(setting_id),
                self.frame,
                model.marks.get(setting_id),
                wish=model.desired.get(setting_id),
                drifted=model.drifted(setting_id),
            )
        )

    # -- fitting -----------------------------------------------------------------------

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
        header = _("Want") if narrow else _("You want")
        wish = max([cell_len(header), *(cell_len(w) for w in _wish_words() if not w.isascii())])
        label = max(12, room - STATE_WIDTH - wish - 2 * PADDING * 3)
        columns = (
            Column("label", _("Setting"), label),
            Column("state", _("State"), STATE_WIDTH),
            Column("wish", header, wish),
        )
        if columns == self.columns:
            return
        keep = self.highlighted()
        self.set_columns(columns)
        self.clear()  # every row's label is cut again for the new width
        self.lay_out(keep)

    # -- cells -------------------------------------------------------------------------

    def _cells_of(self, row: Row, label: bool = True) -> tuple[Text, Text, Text]:
        """A row's cells; without ``label``, a setting's label is left empty (it changes
        only with the columns' width, when the rows are laid out anew)."""
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
            self._label(setting) if label else Text(),
            self.state_cell(setting.id),
            self._ink(view.wish_cell(setting, model.desired.get(setting.id))),
        )

    def _label(self, setting: Setting) -> Text:
        """A setting's name as its column holds it: cut in its middle where too long,
        its site's name and its mark kept whole."""
        label = view.label_cell(setting)
        width = self.label_width()
        if not width:
            return label
        return middle(label, width, keep=_kept_end(setting))

    def _ink(self, text: Text) -> Text:
        """``text`` as this terminal shows it best: with NO_COLOR its colours go (a red
        turned grey all but vanishes on a dark background), and bold and shapes stay."""
        return view.colourless(text) if self.app.no_color else text


def _wish_words() -> tuple[str, ...]:
    """The wish column's words beside on and off (a shortened English header leaves them
    cut; words of wide characters have their whole width)."""
    return (_("as is"), view.said("by_hand"))


def _kept_end(setting: Setting) -> int:
    """How many characters at the end of a setting's name stay when it is cut: the
    blog's or site's name of a per-blog setting's copy, and the mark of a guess."""
    kept = len(view.GUESS_MARK) if setting.guessed else 0
    site = setting.label.rfind(" (")
    if "@" in setting.key and site > 0 and setting.label.endswith(")"):
        kept += len(setting.label) - site
    return kept
