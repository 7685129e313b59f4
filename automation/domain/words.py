"""A platform's own words in another language than English, as evidence.

A by-hand step may quote the platform's Japanese menu names so that a person finds them
on the page; each such word is a fact of its own (:data:`WORDS`), with the addresses that
quote it. It says nothing of the English label the plugin reads by.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from automation.domain.settings import Confidence, Evidence, Setting

#: One more fact a setting may give: a word the platform shows in another language than
#: English (a Japanese menu's name), which its steps use so a person finds it on the page.
#: It says nothing of the English label the plugin reads by.
WORDS = "words"


def with_words(
    setting: Setting,
    words: Mapping[str, tuple[str, tuple[str, ...]]],
    quoted_by: str,
    confidence: Confidence = Confidence.LIKELY,
) -> Setting:
    """``setting`` with a :data:`WORDS` fact for each platform word its steps or notes
    name: ``words`` maps the English words (as the steps quote them) to the platform's
    own word in the other language and the addresses that quote it (``quoted_by`` says
    who they are: "Japanese reports")."""
    said = " ".join((*setting.manual_steps, setting.notes))
    found = tuple(
        Evidence(
            WORDS,
            confidence,
            f"「{own}」 ({english} in the Japanese interface), quoted by {quoted_by}: "
            + ", ".join(sources),
        )
        for english, (own, sources) in words.items()
        if english in said
    )
    return replace(setting, evidence=(*setting.evidence, *found))
