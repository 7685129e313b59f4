"""A line of text that is shortened, not cut, where it is too long for its width."""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.widgets import Static

from ..fitting import shorten


class FittedLine(Static):
    """One line of text; too long for its width, it ends at a whole word (or before a
    whole part, the parts being joined by ``parts``) with an ellipsis."""

    def __init__(self, *, parts: str = " · ", **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.parts = parts

    def render(self) -> RenderResult:
        content = self.content
        width = self.content_size.width
        if isinstance(content, Text) and width > 0:
            return shorten(content, width, self.parts)
        return super().render()
