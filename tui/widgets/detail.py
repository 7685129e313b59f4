"""The detail pane: everything about the selected setting, or the selected platform."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from automation.domain.settings import Kind
from automation.language import _, said
from automation.plugin import Plugin
from automation.records.history import History

from .. import history_view, keys, view
from ..model import ChecklistModel, PlatformRow, Row


class DetailPane(VerticalScroll):
    """Shows one row: a setting's state, steps, history and evidence, or a platform's
    sign-in news and keys."""

    def __init__(
        self,
        model: ChecklistModel,
        plugins: Mapping[str, Plugin],
        history: History,
        **kwargs: str,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.model = model
        self.plugins = plugins
        self.history = history
        #: What the pane shows: drawn again only when it changes.
        self.shown: Text | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="detail")

    def show(self, row: Row | None, state: Text | None = None) -> None:
        """Show ``row``; ``state`` is its state as the checklist draws it."""
        if row is None:
            text = Text(
                _("No rows match the filter.") if self.model.filter_text else _("No settings.")
            )
        elif isinstance(row, PlatformRow):
            text = self.platform_text(row.platform)
        else:
            text = self.setting_text(row.setting_id, state or Text())
        if self.app.no_color:
            text = view.colourless(text)
        if not view.same(self.shown, text):
            self.shown = text
            _update(self.query_one("#detail", Static), text)

    def platform_text(self, platform: str) -> Text:
        """A platform: the last sign-in news, and the keys that sign in and out."""
        plugin = self.plugins.get(platform)
        text = Text()
        text.append(plugin.title if plugin else platform, style="bold")
        text.append(f"\n{plugin.origin if plugin else ''}\n\n", style="dim")
        note = self.model.notes.get(platform)
        if note:
            text.append(said(note.detail) + "\n\n")
        if plugin is not None:
            actions = ["sign_in", "sign_in_password", "sign_out"]
            if not plugin.offers_password():
                actions.remove("sign_in_password")
            bound = keys.bound(self.app)
            text.append("\n".join(keys.hint(a, bound) for a in actions))
            if not plugin.offers_password():
                no_form = _(
                    "{title} has no sign-in form a password can fill here: sign in in a "
                    "browser window."
                ).format(title=plugin.title)
                text.append("\n\n" + no_form, style="dim")
        text.append(f"\n\n{keys.hint('collapse', keys.bound(self.app))}", style="dim")
        return text

    def setting_text(self, setting_id: str, state: Text) -> Text:
        model = self.model
        setting = model.settings[setting_id]
        plugin = self.plugins.get(setting.platform)
        page = plugin.page_url(setting) if plugin and setting.switch else setting.url
        history = history_view.drift_text(self.history, setting_id)
        if plugin is not None:
            history.append_text(history_view.recent_text(self.history, setting_id, plugin.origin))
        return view.detail(
            setting,
            page,
            state,
            model.readings.get(setting_id),
            model.desired[setting_id],
            model.marks.get(setting_id),
            history=history,
            mark_key=keys.key_for(self.app, "mark") if setting.kind is Kind.MANUAL else "m",
        )


def _update(static: Static, text: Text) -> None:
    """Put ``text`` in ``static``, and lay the screen out again only if the number of
    lines it takes changed: laying out draws every widget again, tens of milliseconds."""
    width = static.content_size.width

    def height() -> int:
        return static.get_content_height(static.content_size, static.app.size, width)

    before = height() if width else None
    static.update(text, layout=False)
    if before is None or height() != before:
        static.refresh(layout=True)
