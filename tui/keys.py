"""Every key of the checklist, and what it does, in one place.

The app's bindings, the footer, the ``?`` help, the command palette and the hints in
the detail pane are all made from :data:`CHECKLIST`, so they cannot disagree. What the
screen says of a key (the help, the hints, the messages) it reads from the bindings the
checklist's screen has (:func:`bound`), so a key rebound with Textual's keymap
(``App.set_keymap``) is named as it is bound.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rich.cells import cell_len
from textual.binding import Binding, BindingType
from textual.screen import Screen

from automation.language import N_, _


@dataclass(frozen=True)
class Key:
    """A key of the checklist: its Textual key names, action, footer word and help line."""

    keys: str
    action: str
    #: The footer's word for it, and the palette's name.
    description: str
    #: What it does, in the help, the palette and the panes' hints ("" for none).
    help: str = ""
    #: Whether the footer shows it.
    show: bool = True
    #: Another key that does it, bound elsewhere (Enter on a platform's row folds it).
    also: str = ""
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            priority=self.priority,
            tooltip=self.help,
            id=self.action,
        )

    def written(self) -> list[str]:
        """Its keys as the help writes them."""
        return [written(k) for k in self.keys.split(",")]

    def label(self, keys: Sequence[str] | None = None) -> str:
        """The key as the help and the hints write it: ``keys`` are the keys bound to
        its action now (its own if not given)."""
        shown = "  ".join(self.written() if keys is None else keys)
        return _("{keys} or {other}").format(keys=shown, other=self.also) if self.also else shown


#: How the help writes a key Textual names otherwise.
WRITTEN = {
    "space": "space",
    "slash": "/",
    "question_mark": "?",
    "escape": "Esc",
    "ctrl+c": "Ctrl+C",
    "ctrl+p": "Ctrl+P",
    "home": "Home",
    "end": "End",
    "enter": "Enter",
    "tab": "Tab",
}

CHECKLIST: tuple[Key, ...] = (
    Key("space", "switch", N_("Switch"), N_("switch the selected setting (asks first)")),
    Key("r", "read", N_("Read again"), N_("read the selected setting again")),
    Key("R", "read_all", N_("Read all"), N_("read every setting again")),
    Key(
        "slash",
        "filter",
        N_("Filter"),
        N_("show only the rows that match (Enter keeps the filter, Esc clears it)"),
    ),
    Key("escape", "clear_filter", N_("Clear filter"), N_("clear the filter"), show=False),
    Key("c", "collapse", N_("Fold"), N_("fold or unfold a platform's rows"), also="Enter"),
    Key("m", "mark", N_("Mark done"), N_("mark a by-hand step as done (or not)")),
    Key(
        "C",
        "capture",
        N_("Capture"),
        N_(
            "read the setting again and keep a redacted capture of its page, to report a "
            "page that changed"
        ),
        show=False,
    ),
    Key("e", "export", N_("Export"), N_("export the checklist to a TOML file")),
    Key(
        "p",
        "preset",
        N_("Preset"),
        N_(
            "apply a preset (recommended or strict) to every setting: lists each change and "
            "asks first"
        ),
    ),
    Key(
        "u",
        "undo",
        N_("Undo"),
        N_(
            "undo the latest switch, preset or apply: puts back the states it found, read "
            "back the same way (asks first); again, the one before"
        ),
    ),
    Key(
        "U",
        "redo",
        N_("Redo"),
        N_("redo: sets again what the latest undo put back, read back the same way (asks first)"),
    ),
    Key(
        "h",
        "undo_points",
        N_("Undo points"),
        N_(
            "the undo points, newest first: what each changed, and which one undo or redo "
            "takes next"
        ),
        show=False,
    ),
    Key("l", "sign_in", N_("Sign in"), N_("sign in in a browser window")),
    Key(
        "L",
        "sign_in_password",
        N_("Password sign-in"),
        N_(
            "sign in with email and password, where the platform has a sign-in form (and a "
            "code if asked)"
        ),
        show=False,
    ),
    Key(
        "o",
        "sign_out",
        N_("Sign out"),
        N_("sign out: forget the kept session (and, if asked, the stored email and password)"),
        show=False,
    ),
    Key("d", "details", N_("Details"), N_("show or hide the detail pane")),
    Key("question_mark", "help", N_("Help"), N_("every key, and what the states mean")),
    Key("q", "quit", N_("Quit"), N_("quit (closes the browser)")),
    Key("ctrl+c", "quit", N_("Quit"), show=False, priority=True),
)

#: The keys of the checklist table itself (Textual's, and Home and End).
TABLE: tuple[Key, ...] = (
    Key("j", "cursor_down", N_("Down"), show=False),
    Key("k", "cursor_up", N_("Up"), show=False),
    Key("home", "scroll_top", N_("First row"), show=False),
    Key("end", "scroll_bottom", N_("Last row"), show=False),
)

#: Lines of the help for keys bound elsewhere: the table's moves and the palette.
MOVES = (
    ("↑ ↓  j k", N_("move through the checklist")),
    ("PgUp PgDn", N_("move a page up or down")),
    ("Home End", N_("go to the first or the last row")),
)
PALETTE = ("Ctrl+P", N_("the command palette: every action, and every setting by name"))

#: The keys every dialog shares; its own keys are in its footer.
DIALOG = (
    ("y / n", N_("answer yes or no (the footer says what each does)")),
    ("Esc", N_("cancel, or close")),
    ("PgUp PgDn", N_("scroll a long dialog (↑ ↓ Home End too)")),
    ("Tab", N_("the next field or button")),
)

STATES = N_("""\
[b]Marks[/b]
  on ✓  off ✓   read from the setting's own page on your
                signed-in account, and as you want it
  on ✗  off ✗   read, and not as you want it (✗ and its value
                in bold)
  on ·  off ·   read; you leave this one as it is, so any value
                will do
  !             changed since the last check, not by privacy-tui
                (the platform, or someone on the site, switched it)
  name ?        rests on a guess: its page, control or label
                is inferred, not on public record; where the
                site differs, the row reads unknown or
                unavailable
  ▾ ▸           a platform's rows shown, or folded ({collapse})

[b]States[/b]
  needs login   the platform showed a sign-in page or a check
  unavailable   the platform does not offer it to this account
  unknown       the page did not look as expected; nothing is
                guessed
  error         the page could not be loaded or the plugin failed
  not read      not read yet
  ⠋ checking    being read (⠋ changing: being changed)
  by hand       a form, an email or a phone app only you can
                do; ✓ marked by you once you say so ({mark})

[b]Numbers[/b]
  3/14 ✓        on a platform's row: how many of its settings
                read as you want, of those a browser can read;
                signed in, or not signed in, beside it
  You want      the last column: on, off, as is (left as it
                is) or by hand; the detail pane gives the
                recommendation beside it
  summary       the line under the checklist: how many settings
                read as you want, of all a browser can read;
                then how many read each other state, the by-hand
                steps marked done, the work under way, the
                changes not made by privacy-tui, and the last
                watched check
  changing      first on the summary line while a preset, an
  3 of 12       undo or a redo runs: the change under way, of
                all it makes; after it, one line on how it went
  bar           beside the summary while settings are read or
                changed: how many of the settings taken up (or
                of the changes a run makes) are done

[b]How sure[/b]
  detail pane   each fact (page, control, label) with its
                source and how sure it is: confirmed, likely
                or guess

Nothing changes on an account until you confirm it. A change
counts only when a fresh load of the page reads the new value back.
""")

#: The help's key column, then the text wrapped to this width.
COLUMN = 14
WIDTH = 64


def bindings(keys: tuple[Key, ...] = CHECKLIST) -> list[BindingType]:
    return [key.binding() for key in keys]


def key(action: str) -> Key:
    """The checklist's key for ``action``."""
    return next(k for k in CHECKLIST if k.action == action)


def written(key: str) -> str:
    """A Textual key name as the help writes it: ``"question_mark"`` is ``"?"``."""
    return WRITTEN.get(key.strip(), key.strip())


class Screens(Protocol):
    """The app, as far as reading its keys goes."""

    @property
    def screen_stack(self) -> list[Screen[Any]]: ...


def bound(app: Screens) -> dict[str, list[str]]:
    """Each action of the checklist, and the keys bound to it now, as the help writes
    them: read from the bindings of the checklist's screen (whatever dialog is over it).

    An action that screen does not offer at the moment (a field that takes typed keys
    has the focus, or the app has not started) has the keys :data:`CHECKLIST` gives it.
    """
    found: dict[str, list[str]] = {}
    if app.screen_stack:
        for name, active in app.screen_stack[0].active_bindings.items():
            # The checklist's own bindings carry their action as their id (Textual's
            # keymap finds them by it); Textual's own (Ctrl+Q quits too) are left out.
            if active.binding.id == active.binding.action:
                found.setdefault(active.binding.action, []).append(written(name))
    defaults: dict[str, list[str]] = {}
    for entry in (*CHECKLIST, *TABLE):
        defaults.setdefault(entry.action, []).extend(entry.written())
    for action, keys in defaults.items():
        # Its keys in the order the checklist gives them (q before Ctrl+C), a key
        # rebound in their place after them.
        order = {k: i for i, k in enumerate(keys)}
        found[action] = sorted(found.get(action) or keys, key=lambda k: order.get(k, len(order)))
    return found


def key_for(app: Screens, action: str) -> str:
    """The key that does ``action`` now, as the help writes it: ``"l"``, ``"space"``."""
    return bound(app)[action][0]


def hint(action: str, keys: Mapping[str, Sequence[str]] | None = None) -> str:
    """A pane's one-line hint for a key: ``"l  sign in in a browser window"``;
    ``keys`` are the keys bound now (:func:`bound`)."""
    found = key(action)
    return f"{found.label(None if keys is None else keys.get(action))}  {_(found.help)}"


def _line(keys: str, text: str) -> str:
    """A line of the help: the keys, then what they do (``text`` in the language spoken)
    wrapped to :data:`WIDTH` cells."""
    said = _(text)
    if said.isascii():
        return textwrap.fill(
            said,
            WIDTH,
            initial_indent="  " + keys.ljust(COLUMN),
            subsequent_indent=" " * (COLUMN + 2),
        )
    lines = cell_wrap(said, WIDTH - COLUMN - 2)
    first = "  " + keys + " " * max(COLUMN - cell_len(keys), 1)
    return "\n".join(
        (first if n == 0 else " " * (COLUMN + 2)) + line for n, line in enumerate(lines)
    )


#: Marks a line of Japanese does not start with.
NOT_FIRST = "、。」』】・ー"


def cell_wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, for a language that writes no spaces
    between words: broken between any two characters, but never before a closing mark,
    and not in the middle of a word in Latin letters (``recommended``) where a space
    before it leaves room to break."""
    lines: list[str] = []
    line = ""
    for char in text:
        if cell_len(line + char) > width and line and char not in NOT_FIRST:
            space = line.rfind(" ")
            in_word = (
                char.isascii() and char.isalnum() and line[-1].isascii() and line[-1].isalnum()
            )
            if in_word and space > 0 and line[space + 1 :].isascii():
                lines.append(line[:space])
                line = line[space + 1 :]
            else:
                lines.append(line)
                line = ""
        line += char
    lines.append(line)
    return [line.rstrip() for line in lines]


def help_text(keys: Mapping[str, Sequence[str]] | None = None) -> str:
    """The ``?`` help: every key, then what the states mean; ``keys`` are the keys
    bound now (:func:`bound`), the checklist's own if not given."""
    lines = ["[b]" + _("Keys") + "[/b]"]
    lines += [_line(moves, text) for moves, text in MOVES]
    # One line an action, with all its keys (q and Ctrl+C both quit).
    actions: dict[str, list[Key]] = {}
    for entry in CHECKLIST:
        actions.setdefault(entry.action, []).append(entry)
    for action, entries in actions.items():
        described = [e for e in entries if e.help]
        if described:
            default = [k for e in entries for k in e.written()]
            shown = described[0].label(default if keys is None else keys.get(action, default))
            lines.append(_line(shown, described[0].help))
    lines.append(_line(*PALETTE))
    lines += ["", "[b]" + _("In a dialog") + "[/b]"]
    lines += [_line(answers, text) for answers, text in DIALOG]
    first = {action: (keys or {}).get(action, key(action).written())[0] for action in actions}
    return "\n".join(lines) + "\n\n" + _(STATES).format(**first)


HELP = help_text()
