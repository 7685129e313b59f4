"""A setting's words in the language spoken now: its label, description, notes and steps.

The plugin's own words are English and are the catalog's source; each is looked up in the
``privacy_tui_settings`` catalog under a context naming the setting and the field
(``linkedin.ai_training|label``, ``linkedin.ai_training|step 2``), so the same English
words may read differently for two settings. Where a catalog has no entry for the words the
plugin now has (a plugin changed them, a third party's plugin), the English stays.

What programs read (``--json``, exports, the history) keeps the plugin's English words;
only what a person reads on the screen goes through here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from automation import language
from automation.domain.settings import LABEL

if TYPE_CHECKING:
    from automation.domain.settings import Setting


def context(setting_id: str, field: str) -> str:
    """The catalog's context of one field of a setting: ``"<setting id>|<field>"``."""
    return f"{setting_id}|{field}"


def _text(setting: Setting, field: str, english: str) -> str:
    return _said(setting.template_id, field, english)


def _said(template_id: str, field: str, english: str) -> str:
    if not english:
        return english
    catalog = language.translations(language.SETTINGS_DOMAIN)
    return catalog.pgettext(context(template_id, field), english)


def label(setting: Setting) -> str:
    """The setting's label; a blog's or site's copy keeps its name in brackets after it."""
    return named(setting.id, setting.label)


def named(setting_id: str, english: str) -> str:
    """The label of the setting ``setting_id`` whose English label is ``english`` (what a
    plan or the history keeps of a setting), in the language spoken now."""
    template_id, at, _name = setting_id.partition("@")
    if at and english.endswith(")"):
        start = english.rfind(" (")
        if start > 0:
            own, site = english[:start], english[start:]
            return _said(template_id, "label", own) + site
    return _said(template_id, "label", english)


#: A setting's label given to a Sentence is said as :func:`named` says it.
language.sayer(LABEL, named)


def description(setting: Setting) -> str:
    """What the setting does, in a sentence or three."""
    return _text(setting, "description", setting.description)


def notes(setting: Setting) -> str:
    """What else a person should know about the setting (empty where the plugin says nothing)."""
    return _text(setting, "notes", setting.notes)


def steps(setting: Setting) -> tuple[str, ...]:
    """What a person does by hand, step by step."""
    return tuple(
        _text(setting, f"step {number}", step)
        for number, step in enumerate(setting.manual_steps, 1)
    )
