"""Where LinkedIn's facts come from: brave's automation code (PSST), a public crawl
of a signed-in account's settings pages, LinkedIn's help pages and the Japanese reports
that quote its interface, with the helpers that turn them into a setting's evidence and
steps.
"""

from __future__ import annotations

from automation.domain.settings import Confidence, Evidence, Setting, Sourced, evidence
from automation.domain.words import with_words

ORIGIN = "https://www.linkedin.com"
SETTINGS = "/mypreferences/d/settings/"

#: Brave's public automation code, as of the commit that last changed it: each task
#: names a settings page and its switch.
PSST = "brave/psst-component@41cbf8fa535766e994219d326919a5de951d8f10:src/linkedin/user.ts"
#: The line of each PSST task (its ``uid``) in that file.
TASK_LINES = {
    1: 100,
    2: 114,
    3: 129,
    4: 143,
    5: 157,
    6: 171,
    7: 183,
    8: 197,
    9: 211,
    10: 226,
    11: 240,
    12: 252,
    13: 267,
}
#: A public crawl of a signed-in account's settings pages: each entry holds a
#: switch's words as the page shows them, the page's address and the screenshot it
#: was read from (whose file name starts with the menu entry that leads there).
CRAWL = (
    "sebastianferragut/DSC180A_PrivacyProject@2107142320bc39bcd9c253e6c4c0056d1546dc26:"
    "database/data/extracted_settings_with_urls_and_layers_classified.json"
)
#: LinkedIn Help: "Manage your account and privacy settings" (the Me menu, Settings &
#: Privacy, its six sections).
HELP_SETTINGS = "https://www.linkedin.com/help/linkedin/answer/66"
#: LinkedIn Help on the generative-AI setting (on by default, not retroactive).
HELP_AI = "https://www.linkedin.com/help/linkedin/answer/a6278444"
#: LinkedIn Help: "Understanding ad technology" (names "Ads off LinkedIn").
HELP_ADS = "https://www.linkedin.com/help/linkedin/answer/a7153780"

SOURCE = f"{HELP_SETTINGS}; {PSST}; {CRAWL}"


def psst(task: int) -> str:
    """The address of PSST's task ``task``."""
    return f"{PSST}:{TASK_LINES[task]} (task {task})"


def crawl(line: int, what: str) -> str:
    """The address of one entry of the crawl, and what it shows."""
    return f"{CRAWL}:{line} ({what})"


def recorded(
    task: int, own_id: str, page: str, label: Sourced, *more_pages: str
) -> tuple[Evidence, ...]:
    """The evidence of a switch whose page and id PSST records and whose words the
    crawl shows on its page."""
    return evidence(
        page=(Confidence.CONFIRMED, "; ".join((psst(task), page, *more_pages))),
        control=(
            Confidence.CONFIRMED,
            f'{psst(task)}: input[role="switch"][aria-labelledby="{own_id}"]',
        ),
        label=label,
    )


def steps(section: str, menu: str, switch: str, *, box: bool = False) -> tuple[str, ...]:
    """What a person clicks: the section of Settings & Privacy, the menu entry, the
    switch (or, with ``box``, the checkbox)."""
    return (
        "Sign in to LinkedIn.",
        'Click your profile picture ("Me") in the header, then "Settings & Privacy".',
        f'Choose "{section}" in the left menu.',
        f'Open "{menu}".',
        f'Uncheck "{switch}".' if box else f'Switch "{switch}" off.',
    )


def seen(line: int, shot: str, words: str, kind: str = "switch") -> tuple[Evidence, ...]:
    """The evidence of a control the crawl read off its signed-in page, with its words
    and its state, where no id of it is on record: it is found by those words."""
    where = f'its screenshot "{shot}" under gemini-team/picasso/LinkedIn/'
    return evidence(
        page=(Confidence.CONFIRMED, f"{crawl(line, 'the page, signed in')}; {where}"),
        control=(
            Confidence.LIKELY,
            f"{crawl(line, f'a {kind} read with its state on this page')}; {where} shows "
            f"the {kind} beside its words. No id or markup of it is on record: it is "
            "found by its words",
        ),
        label=(Confidence.CONFIRMED, crawl(line, f'"{words}"')),
    )


#: The AI-training switch's label: as the page shows it in English, then the Japanese
#: interface's wording as a report gives it.
AI_TRAINING_LABELS = (
    "Use my data for training content creation AI models",
    "コンテンツ作成AIモデルのトレーニングにデータを使用する",
)
#: A report that gives the Japanese wording (a translated PCWorld article).
JAPANESE_REPORT = (
    "https://otpoo.com/apps/xhs/linkedinhaanatanodeetawoshiyoushiteaimoderuwotoree.html"
)


#: LinkedIn's Japanese interface words that Japanese reports quote, each for the English
#: words of the steps it stands for: the Japanese steps use these words, so a person finds
#: them on the page. LinkedIn's own Japanese help pages are not on record; the reports
#: (some of them translated articles) are, and agree with one another.
JAPANESE_WORDS: dict[str, tuple[str, tuple[str, ...]]] = {
    '"Me"': (
        "自分",
        (
            "https://wukihow.com/ja/665072/how-to-manage-your-linkedin-privacy-settings.html",
            "https://thefastcode.net/ja-jpy/article/how-to-manage-the-data-linkedin-collects-on-you",
        ),
    ),
    '"Settings & Privacy"': (
        "設定とプライバシー",
        (
            "https://rele.work/tech/hayato/stop-linkedin-from-training-its-ai-on-your-data",
            "https://thewindowsclub.blog/?p=35092",
            "https://fitep.trade/tech/natsuki/article/linkedin-generative-ai-training-turn-off",
        ),
    ),
    '"Data privacy"': (
        "データプライバシー",
        (
            "https://rele.work/tech/hayato/stop-linkedin-from-training-its-ai-on-your-data",
            "https://thewindowsclub.blog/?p=35092",
        ),
    ),
    '"Data for Generative AI Improvement"': (
        "生成AI改善のためのデータ",
        (
            "https://rele.work/tech/hayato/stop-linkedin-from-training-its-ai-on-your-data",
            "https://fitep.trade/tech/natsuki/article/linkedin-generative-ai-training-turn-off",
            JAPANESE_REPORT,
        ),
    ),
    '"Use my data for training content creation AI models"': (
        AI_TRAINING_LABELS[1],
        (JAPANESE_REPORT,),
    ),
}


def in_japanese(setting: Setting) -> Setting:
    """``setting`` with the evidence of each Japanese interface word its steps name."""
    return with_words(setting, JAPANESE_WORDS, "Japanese reports")
