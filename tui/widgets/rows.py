"""The rows of a table and their lines as drawn: plain Python, no widget."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.console import Console, ConsoleOptions
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

K = TypeVar("K", bound=Hashable)

#: Blank columns on each side of a cell.
PADDING = 1
#: The place of the header, where a row's place goes.
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


@dataclass(frozen=True)
class Look:
    """What a table's lines are drawn with: its styles, and its console to render cells."""

    base: Style
    header: Style
    cursor: Style
    hover: Style
    width: int
    console: Console
    options: ConsoleOptions


def same(old: Text, new: Text) -> bool:
    """Whether ``old`` is drawn as ``new`` is (rich's ``==`` leaves a text's own style out)."""
    return old.plain == new.plain and old.style == new.style and old.spans == new.spans


class Rows(Generic[K]):
    """The rows in order, each known by its key, with their cells; and each row's line
    and each cell as last drawn, kept until they change, the row moves or the look of
    the table changes (a turn of the spinner draws one cell again, not its row)."""

    def __init__(self) -> None:
        self.columns: tuple[Column, ...] = ()
        self.order: list[K] = []
        self.places: dict[K, int] = {}
        self.cells: dict[K, tuple[Text, ...]] = {}
        #: Lines drawn: (row's place, under the cursor, under the mouse) → its line.
        self.lines: dict[tuple[int, bool, bool], Strip] = {}
        #: Cells drawn: (row's place, column, under the cursor, under the mouse) → them.
        self.drawn: dict[tuple[int, int, bool, bool], list[Segment]] = {}

    @property
    def width(self) -> int:
        return sum(column.render_width for column in self.columns)

    def cell(self, row: K, column: str) -> Text:
        index = next(i for i, c in enumerate(self.columns) if c.key == column)
        return self.cells[row][index]

    def set_columns(self, columns: Sequence[Column]) -> None:
        self.columns = tuple(columns)
        self.forget_all()

    def forget_all(self) -> None:
        """Forget every line and cell drawn (the look of the table changed)."""
        self.lines.clear()
        self.drawn.clear()

    def show(self, rows: Sequence[K], cells: Callable[[K], tuple[Text, ...]]) -> bool:
        """Show ``rows`` in this order: a row shown already keeps its cells, and ``cells``
        gives a new row its cells. Returns whether a row came, went or moved."""
        old = self.order
        self.cells = {row: self.cells[row] if row in self.cells else cells(row) for row in rows}
        self.order = list(rows)
        self.places = {row: i for i, row in enumerate(self.order)}
        moved = next(
            (i for i, (a, b) in enumerate(zip(old, self.order, strict=False)) if a != b),
            min(len(old), len(self.order)),
        )
        self.forget(lambda place, column: place >= moved)
        return moved < max(len(old), len(self.order))

    def update(self, row: K, cells: dict[str, Text]) -> int | None:
        """Put new texts in a row's cells (by column key). Returns the row's place if
        one of them changed, else ``None``."""
        place = self.places.get(row)
        if place is None:
            return None
        old = self.cells[row]
        new = tuple(
            cells.get(column.key, text) for column, text in zip(self.columns, old, strict=True)
        )
        changed = {i for i, (a, b) in enumerate(zip(old, new, strict=True)) if not same(a, b)}
        if not changed:
            return None
        self.cells[row] = new
        self.forget(lambda line, column: line == place and (column is None or column in changed))
        return place

    def forget(self, stale: Callable[[int, int | None], bool]) -> None:
        """Forget what was drawn of the places and columns ``stale`` names (a line is
        named with the column ``None``)."""
        for line in [k for k in self.lines if stale(k[0], None)]:
            del self.lines[line]
        for cell in [k for k in self.drawn if stale(k[0], k[1])]:
            del self.drawn[cell]

    def line(self, place: int, cursor: bool, hover: bool, look: Look) -> Strip:
        """A row's line (the header's at :data:`HEADER_ROW`), as wide as the table or
        ``look.width``, whichever is wider."""
        key = (place, cursor, hover)
        if key not in self.lines:
            self.lines[key] = self.draw(place, cursor, hover, look)
        return self.lines[key]

    def draw(self, place: int, cursor: bool, hover: bool, look: Look) -> Strip:
        """One row's line as Textual's DataTable draws it with a row cursor: each cell
        padded and styled, the cursor's colour over the cells' own, and the row's style
        carried to the right edge. Each cell carries its row and column in its style's
        meta, as a click finds them."""
        if place == HEADER_ROW:
            style, over = look.header, Style()
            texts = [Text.from_markup(column.label) for column in self.columns]
        else:
            style, over = look.base, Style()
            if hover:
                over += look.hover
            if cursor:
                over += look.cursor
            texts = list(self.cells[self.order[place]])
        colour = Style.from_color(color=over.color) + Style.null()
        segments: list[Segment] = []
        for index, (column, text) in enumerate(zip(self.columns, texts, strict=True)):
            key = (place, index, cursor, hover)
            if key not in self.drawn:
                cell = style + Style.from_meta({"row": place, "column": index})
                size = look.options.update_dimensions(column.render_width, 1).update(no_wrap=True)
                line = look.console.render_lines(Padding(text, (0, PADDING)), size)[0]
                self.drawn[key] = list(
                    Segment.apply_style(line, style=cell + over, post_style=colour)
                )
            segments += self.drawn[key]
        rest = max(0, look.width - self.width)
        edge = style + over + Style.from_meta({"row": place, "column": 0, "out_of_bounds": True})
        segments.append(Segment(" " * rest, edge))
        return Strip(segments).adjust_cell_length(max(look.width, self.width), look.base).simplify()
