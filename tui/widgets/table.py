"""A table drawn line by line: a header, fixed columns, a row cursor, and rows that are
drawn again alone when their cells change."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, ClassVar, Generic

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .rows import HEADER_ROW, PADDING, Column, K, Look, Rows

__all__ = ["PADDING", "Column", "LineTable"]

#: The header's lines: it stays at the top while the rows scroll under it.
HEADER = 1


#: Textual's DataTable's look, for the parts this table has.
TABLE_CSS = """
LineTable {
    background: $surface;
    color: $foreground;
    height: auto;
    max-height: 100%;
    &:focus {
        background-tint: $foreground 5%;
        & > .line-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .line-table--header {
            background-tint: $foreground 5%;
        }
    }
    & > .line-table--header {
        text-style: bold;
        background: $panel;
        color: $foreground;
    }
    &:ansi > .line-table--header {
        background: ansi_bright_blue;
        color: ansi_default;
    }
    & > .line-table--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    & > .line-table--hover {
        background: $block-hover-background;
    }
}
"""

#: The table's keys: none of them shown in the footer.
TABLE_KEYS: tuple[BindingType, ...] = (
    Binding("enter", "select_cursor", "Select", show=False),
    Binding("up", "cursor_up", "Cursor up", show=False),
    Binding("down", "cursor_down", "Cursor down", show=False),
    Binding("pageup", "page_up", "Page up", show=False),
    Binding("pagedown", "page_down", "Page down", show=False),
    # Where the columns are wider than the table (a very narrow terminal).
    Binding("left", "scroll_left", "Scroll left", show=False),
    Binding("right", "scroll_right", "Scroll right", show=False),
)

#: The parts of the table its styles can reach (``LineTable > .line-table--cursor``).
TABLE_PARTS = ("line-table--header", "line-table--cursor", "line-table--hover")


class RowMessage(Message):
    """A message about a row of a :class:`LineTable`."""

    def __init__(self, table: LineTable[Any], row: Hashable) -> None:
        super().__init__()
        self.table = table
        self.row = row

    @property
    def control(self) -> LineTable[Any]:
        return self.table


class LineTable(ScrollView, Generic[K], can_focus=True):
    """Rows of cells under a header, drawn with Textual's line API.

    Each row is known by its key. A row's line is drawn once and kept until its cells,
    its place, the cursor on it, the table's width or its styles change, so an update
    of one cell draws one line again, and scrolling draws none. The cursor covers a
    whole row; moving it, clicking a row or pressing Enter posts :class:`Highlighted`
    and :class:`Selected`.
    """

    ALLOW_SELECT = False

    BINDINGS: ClassVar[list[BindingType]] = list(TABLE_KEYS)
    COMPONENT_CLASSES: ClassVar[set[str]] = set(TABLE_PARTS)

    DEFAULT_CSS = TABLE_CSS

    class Highlighted(RowMessage):
        """The cursor came to a row."""

    class Selected(RowMessage):
        """A row was chosen: Enter on it, or a click on the row under the cursor."""

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._table: Rows[K] = Rows()
        self._cursor = 0
        #: The row :class:`Highlighted` last told of, and its place.
        self._told: tuple[int, K] | None = None
        #: The row under the mouse, while the mouse moves over the table.
        self._hover: int | None = None
        #: What the lines of this frame are drawn with, and what the lines kept were.
        self._look: Look | None = None
        self._drawn_with: Look | None = None
        #: The cursor is to be scrolled into sight once the table has a size.
        self._scroll_when_sized = False

    # -- what it holds -----------------------------------------------------------------

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._table.columns

    @property
    def row_count(self) -> int:
        return len(self._table.order)

    @property
    def cursor_row(self) -> int:
        """The place of the row under the cursor."""
        return self._cursor

    def rows(self) -> list[K]:
        """The rows, in order."""
        return list(self._table.order)

    def highlighted(self) -> K | None:
        """The row under the cursor, if there is one."""
        return self._table.order[self._cursor] if self._table.order else None

    def get_cell(self, row: K, column: str) -> Text:
        """A row's cell in the column keyed ``column``."""
        return self._table.cell(row, column)

    # -- what it is given --------------------------------------------------------------

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Put new columns; the rows stay, and are to be given their cells again."""
        self._table.set_columns(columns)
        self._size_rows()
        self.refresh()

    def show_rows(self, rows: Sequence[K], cells: Callable[[K], tuple[Text, ...]]) -> None:
        """Show ``rows`` in this order. A row shown already keeps its cells; ``cells``
        gives a new row its cells. Only the lines of rows that moved or came are drawn
        again."""
        if self._table.show(rows, cells):
            self._size_rows()
            self.refresh()
        self._cursor = min(self._cursor, max(len(rows) - 1, 0))

    def clear(self) -> None:
        """Take every row away, and scroll back to the top."""
        self.show_rows([], lambda row: ())
        self._cursor = 0
        self.scroll_to(0, 0, animate=False, force=True)

    def update_row(self, row: K, cells: dict[str, Text]) -> bool:
        """Put new texts in a row's cells (by column key); its line is drawn again only
        if one of them changed. Returns whether one did."""
        place = self._table.update(row, cells)
        if place is not None:
            self.refresh_line(place + HEADER)
        return place is not None

    # -- the cursor --------------------------------------------------------------------

    def move_cursor(self, *, row: int, animate: bool = False, scroll: bool = True) -> None:
        """Put the cursor on the row at ``row`` (kept in range), and scroll it into view."""
        before, place = self._cursor, max(0, min(row, len(self._table.order) - 1))
        self._cursor = place
        if scroll:
            self.scroll_to_cursor(animate=animate)
        if place != before:
            self.refresh_line(before + HEADER)
            self.refresh_line(place + HEADER)
        if self._table.order and self._told != (place, self._table.order[place]):
            self._told = (place, self._table.order[place])
            self.post_message(self.Highlighted(self, self._table.order[place]))

    def scroll_to_cursor(self, animate: bool = False) -> None:
        """Scroll the least needed for the cursor's row to be in sight under the header."""
        if not self.size:
            # Not laid out yet: once it is, there is a window to scroll.
            self._scroll_when_sized = True
            return
        row = Region(
            int(self.scroll_x),
            self._cursor + HEADER,
            max(self.size.width, self._table.width),
            1,
        )
        self.scroll_to_region(row, animate=animate, spacing=Spacing(HEADER, 0, 0, 0), force=True)

    def _moved_by_keys(self) -> None:
        self._hover_at(None)

    def action_cursor_up(self) -> None:
        self._moved_by_keys()
        self.move_cursor(row=self._cursor - 1)

    def action_cursor_down(self) -> None:
        self._moved_by_keys()
        self.move_cursor(row=self._cursor + 1)

    def action_scroll_top(self) -> None:
        self._moved_by_keys()
        self.move_cursor(row=0)

    def action_scroll_bottom(self) -> None:
        self._moved_by_keys()
        self.move_cursor(row=len(self._table.order) - 1)

    def action_page_down(self) -> None:
        """A page down: the view scrolls by its height and the cursor goes as far."""
        self._moved_by_keys()
        height = self.scrollable_content_region.height - HEADER
        below = len(self._table.order) - 1 - self._cursor
        self.scroll_relative(y=height, animate=False, force=True)
        self.move_cursor(row=self._cursor + min(below, height), scroll=False)

    def action_page_up(self) -> None:
        self._moved_by_keys()
        height = self.scrollable_content_region.height - HEADER
        self.scroll_relative(y=-height, animate=False)
        self.move_cursor(row=self._cursor - min(self._cursor, height), scroll=False)

    def action_select_cursor(self) -> None:
        self._moved_by_keys()
        if self._table.order:
            self.post_message(self.Selected(self, self._table.order[self._cursor]))

    # -- the mouse ---------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        place = event.style.meta.get("row")
        if not isinstance(place, int) or not 0 <= place < len(self._table.order):
            return
        event.stop()
        chosen = place == self._cursor
        self.move_cursor(row=place, scroll=False)
        if chosen:
            self.post_message(self.Selected(self, self._table.order[place]))
        self.scroll_to_cursor(animate=True)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        place = event.style.meta.get("row")
        self._hover_at(place if isinstance(place, int) and place >= 0 else None)

    def on_leave(self, event: events.Leave) -> None:
        self._hover_at(None)

    def _hover_at(self, place: int | None) -> None:
        if place == self._hover:
            return
        for line in (self._hover, place):
            if line is not None:
                self.refresh_line(line + HEADER)
        self._hover = place

    # -- drawing -----------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        if self._scroll_when_sized and self.size:
            self._scroll_when_sized = False
            self.scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._look = self._drawn_with = None
        self.refresh()

    def _size_rows(self) -> None:
        self.virtual_size = Size(self._table.width, len(self._table.order) + HEADER)

    def render_lines(self, crop: Region) -> list[Strip]:
        # Once for the lines of a frame: what they are drawn with.
        self._look = self._current_look()
        return super().render_lines(crop)

    def _current_look(self) -> Look:
        """What the lines are drawn with now; if that changed, the lines kept go."""
        look = Look(
            self.rich_style,
            self.get_component_styles("line-table--header").rich_style,
            self.get_component_rich_style("line-table--cursor"),
            self.get_component_rich_style("line-table--hover"),
            self.size.width,
            self.app.console,
            self.app.console_options,
        )
        if look != self._drawn_with:
            self._table.forget_all()
            self._drawn_with = look
        return look

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        look = self._look
        if look is None or look.width != width:
            look = self._current_look()
        scroll_x, scroll_y = self.scroll_offset
        place = HEADER_ROW if y < HEADER else y - HEADER + scroll_y
        if place >= len(self._table.order):
            return Strip.blank(width, look.base)
        line = self._table.line(place, place == self._cursor, place == self._hover, look)
        if scroll_x or line.cell_length != width:
            line = line.crop(scroll_x, scroll_x + width).adjust_cell_length(width, look.base)
        return line
