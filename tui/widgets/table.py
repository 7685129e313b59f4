"""A table drawn line by line: a header, fixed columns, a row cursor, and rows that are
drawn again alone when their cells change."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

K = TypeVar("K", bound=Hashable)

#: Blank columns on each side of a cell.
PADDING = 1
#: The header's lines: it stays at the top while the rows scroll under it.
HEADER = 1
#: The row of the header, where a row's index goes.
HEADER_ROW = -1


@dataclass(frozen=True)
class Column:
    """A column: its key, its header and the width of its cells (padding not counted)."""

    key: str
    label: str
    width: int

    @property
    def render_width(self) -> int:
        """The columns it takes on screen, padding included."""
        return self.width + 2 * PADDING


def _same(old: Text, new: Text) -> bool:
    """Whether ``old`` is drawn as ``new`` is (rich's ``==`` leaves a text's own style out)."""
    return old.plain == new.plain and old.style == new.style and old.spans == new.spans


class LineTable(ScrollView, Generic[K], can_focus=True):
    """Rows of cells under a header, drawn with Textual's line API.

    Each row is known by its key. A row's line is drawn once and kept until its cells,
    its place, the cursor on it, the table's width or its styles change, so an update
    of one cell draws one line again, and scrolling draws none. The cursor covers a
    whole row; moving it, clicking a row or pressing Enter posts :class:`Highlighted`
    and :class:`Selected`.
    """

    ALLOW_SELECT = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-table--header",
        "line-table--cursor",
        "line-table--hover",
    }

    # Textual's DataTable's look, for the parts this table has.
    DEFAULT_CSS = """
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

    class Highlighted(Message):
        """The cursor came to a row."""

        def __init__(self, table: LineTable[Any], row: Hashable) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> LineTable[Any]:
            return self.table

    class Selected(Message):
        """A row was chosen: Enter on it, or a click on the row under the cursor."""

        def __init__(self, table: LineTable[Any], row: Hashable) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> LineTable[Any]:
            return self.table

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.columns: tuple[Column, ...] = ()
        self._rows: list[K] = []
        self._places: dict[K, int] = {}
        self._texts: dict[K, tuple[Text, ...]] = {}
        self._cursor = 0
        #: The row :class:`Highlighted` last told of, and its place.
        self._told: tuple[int, K] | None = None
        #: The row under the mouse, while the mouse moves over the table.
        self._hover: int | None = None
        #: Lines drawn: (row's place, under the cursor, under the mouse) → its line.
        self._lines: dict[tuple[int, bool, bool], Strip] = {}
        #: What every line drawn was drawn with: the widget's style, width and focus.
        self._drawn_with: tuple[Style, int, bool] | None = None

    # -- what it holds -----------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        """The place of the row under the cursor."""
        return self._cursor

    @property
    def table_width(self) -> int:
        return sum(column.render_width for column in self.columns)

    def rows(self) -> list[K]:
        """The rows, in order."""
        return list(self._rows)

    def highlighted(self) -> K | None:
        """The row under the cursor, if there is one."""
        return self._rows[self._cursor] if self._rows else None

    def get_cell(self, row: K, column: str) -> Text:
        """A row's cell in the column keyed ``column``."""
        index = next(i for i, c in enumerate(self.columns) if c.key == column)
        return self._texts[row][index]

    # -- what it is given --------------------------------------------------------------

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Put new columns; the rows stay, and are to be given their cells again."""
        self.columns = tuple(columns)
        self._lines.clear()
        self._size_rows()
        self.refresh()

    def show_rows(self, rows: Sequence[K], cells: Callable[[K], tuple[Text, ...]]) -> None:
        """Show ``rows`` in this order. A row shown already keeps its cells; ``cells``
        gives a new row its cells. Only the lines of rows that moved or came are drawn
        again."""
        old = self._rows
        kept = {row: self._texts[row] for row in rows if row in self._texts}
        self._texts = {row: kept[row] if row in kept else cells(row) for row in rows}
        self._rows = list(rows)
        self._places = {row: i for i, row in enumerate(self._rows)}
        moved = next(
            (i for i, (a, b) in enumerate(zip(old, self._rows, strict=False)) if a != b),
            min(len(old), len(self._rows)),
        )
        if moved < max(len(old), len(self._rows)):
            self._forget_lines(lambda place: place >= moved)
            self._size_rows()
            self.refresh()
        self._cursor = min(self._cursor, max(len(self._rows) - 1, 0))

    def clear(self) -> None:
        """Take every row away, and scroll back to the top."""
        self.show_rows([], lambda row: ())
        self._cursor = 0
        self.scroll_to(0, 0, animate=False, force=True)

    def update_row(self, row: K, cells: dict[str, Text]) -> bool:
        """Put new texts in a row's cells (by column key); its line is drawn again only
        if one of them changed. Returns whether one did."""
        place = self._places.get(row)
        if place is None:
            return False
        old = self._texts[row]
        new = tuple(
            cells.get(column.key, text) for column, text in zip(self.columns, old, strict=True)
        )
        if all(_same(a, b) for a, b in zip(old, new, strict=True)):
            return False
        self._texts[row] = new
        self._forget_lines(lambda line: line == place)
        self.refresh_line(place + HEADER)
        return True

    # -- the cursor --------------------------------------------------------------------

    def move_cursor(self, *, row: int, animate: bool = False, scroll: bool = True) -> None:
        """Put the cursor on the row at ``row`` (kept in range), and scroll it into view."""
        before, place = self._cursor, max(0, min(row, len(self._rows) - 1))
        self._cursor = place
        if scroll:
            self.scroll_to_cursor(animate=animate)
        if place != before:
            self.refresh_line(before + HEADER)
            self.refresh_line(place + HEADER)
        if self._rows and self._told != (place, self._rows[place]):
            self._told = (place, self._rows[place])
            self.post_message(self.Highlighted(self, self._rows[place]))

    def scroll_to_cursor(self, animate: bool = False) -> None:
        """Scroll the least needed for the cursor's row to be in sight under the header."""
        if not self.size:
            # Not laid out yet: once it is, there is a window to scroll.
            self.call_after_refresh(self.scroll_to_cursor, animate)
            return
        row = Region(
            int(self.scroll_x),
            self._cursor + HEADER,
            max(self.size.width, self.table_width),
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
        self.move_cursor(row=len(self._rows) - 1)

    def action_page_down(self) -> None:
        """A page down: the view scrolls by its height and the cursor goes as far."""
        self._moved_by_keys()
        height = self.scrollable_content_region.height - HEADER
        below = len(self._rows) - 1 - self._cursor
        self.scroll_relative(y=height, animate=False, force=True)
        self.move_cursor(row=self._cursor + min(below, height), scroll=False)

    def action_page_up(self) -> None:
        self._moved_by_keys()
        height = self.scrollable_content_region.height - HEADER
        self.scroll_relative(y=-height, animate=False)
        self.move_cursor(row=self._cursor - min(self._cursor, height), scroll=False)

    def action_select_cursor(self) -> None:
        self._moved_by_keys()
        if self._rows:
            self.post_message(self.Selected(self, self._rows[self._cursor]))

    # -- the mouse ---------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        place = event.style.meta.get("row")
        if not isinstance(place, int) or not 0 <= place < len(self._rows):
            return
        event.stop()
        chosen = place == self._cursor
        self.move_cursor(row=place, scroll=False)
        if chosen:
            self.post_message(self.Selected(self, self._rows[place]))
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

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()
        self.refresh()

    def _size_rows(self) -> None:
        self.virtual_size = Size(self.table_width, len(self._rows) + HEADER)

    def _forget_lines(self, stale: Callable[[int], bool]) -> None:
        for key in [k for k in self._lines if stale(k[0])]:
            del self._lines[key]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        drawn_with = (base, width, self.has_focus)
        if drawn_with != self._drawn_with:
            self._lines.clear()
            self._drawn_with = drawn_with
        scroll_x, scroll_y = self.scroll_offset
        place = HEADER_ROW if y < HEADER else y - HEADER + scroll_y
        if place >= len(self._rows):
            return Strip.blank(width, base)
        key = (place, place == self._cursor, place == self._hover)
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = self._draw_row(place, base, width)
        if scroll_x or line.cell_length != width:
            line = line.crop(scroll_x, scroll_x + width).adjust_cell_length(width, base)
        return line

    def _draw_row(self, place: int, base: Style, width: int) -> Strip:
        """One row's line as Textual's DataTable draws it (with a row cursor): each
        cell padded and styled, the cursor's colour over the cells' own, and the
        row's style carried to the right edge."""
        if place == HEADER_ROW:
            style = self.get_component_styles("line-table--header").rich_style
            look = Style()
            cells = [Text.from_markup(column.label) for column in self.columns]
        else:
            style = base
            look = Style()
            if place == self._hover:
                look += self.get_component_rich_style("line-table--hover")
            if place == self._cursor:
                look += self.get_component_rich_style("line-table--cursor")
            cells = list(self._texts[self._rows[place]])
        over = Style.from_color(color=look.color) + Style.null()
        console, options = self.app.console, self.app.console_options
        segments: list[Segment] = []
        for index, (column, text) in enumerate(zip(self.columns, cells, strict=True)):
            cell = style + Style.from_meta({"row": place, "column": index})
            size = options.update_dimensions(column.render_width, 1).update(no_wrap=True)
            line = console.render_lines(Padding(text, (0, PADDING)), size)[0]
            segments += Segment.apply_style(line, style=cell + look, post_style=over)
        rest = max(0, width - self.table_width)
        edge = style + look + Style.from_meta({"row": place, "column": 0, "out_of_bounds": True})
        segments.append(Segment(" " * rest, edge))
        return Strip(segments).adjust_cell_length(max(width, self.table_width), base).simplify()
