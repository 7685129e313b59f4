"""X (formerly Twitter): Grok training first, then the data-sharing and ad checkboxes.

Every setting is a checkbox on a page under ``/settings/``, as X's own web client
draws it (its bundles and English strings as archived in ``DzikStar/X-SCRAPER``;
Brave's ``brave/psst-component`` visits four of the pages). X ties each checkbox to
its text with ``aria-describedby="CHECKBOX_N_LABEL"``, where N counts the
checkboxes of the whole page: it says where a box sits, not which setting it is,
and the Off-X activity and Grok pages hold several boxes (which come first depends
on the account). So every X setting is found by its label, in X's exact wording
(curly apostrophes and all), and the Grok boxes only inside X's
``xaiDataSharingSettings`` container.

Where X's ``ucpd_enabled`` switch is on, the page at ``/settings/off_twitter_activity``
is titled "Inferred identity" (so is its menu entry) and draws only the inferred
identity box; the other box of that page is then not offered.
"""

from __future__ import annotations

from typing import ClassVar

from automation.domain.settings import Confidence, Evidence, Setting, State, Switch, evidence
from automation.domain.toggles import Toggles
from automation.domain.words import with_words
from automation.plugin import Plugin

ORIGIN = "https://x.com"
#: The container X draws the Grok page's three checkboxes in.
GROK_BOX = '[data-testid="xaiDataSharingSettings"]'

#: X's own web client, as archived publicly (build 56f29d4).
CLIENT = "DzikStar/X-SCRAPER@9cd43d520a5ec6797d3ff3f4dace1a45aa057c9d:client-web/"
STRINGS = CLIENT + "i18n/en.js"
#: The bundle whose Privacy and safety menu links each page (and names it).
MENU = CLIENT + "ondemand/SettingsRevamp-1bcddef9.js:296"
#: Where X draws the Grok page's boxes inside ``xaiDataSharingSettings``.
GROK_BUNDLE = CLIENT + "ondemand/SettingsRevamp-32bb1570.js:57"
#: Where X's checkbox takes its page-wide counter id (``CHECKBOX_${n}_LABEL``).
COUNTER = (
    CLIENT + "shared/loader/AudioDock/loader/DashMenu/loader/DashModal/loader/DMDrawer/"
    "ondemand/InlinePlayer/ondem-2078c561.js:193"
)
#: The Off-X activity page: its title and the first box hang on ``ucpd_enabled``.
UCPD = CLIENT + "ondemand/SettingsRevamp-1bcddef9.js:168"
#: Brave's automation of four of these pages, and its signed-in sign.
PSST = "brave/psst-component@d54d3c0f37851936aaa23883b355da864acff314:src/twitter/user.ts"
SOURCE = f"{STRINGS}; {MENU}; {PSST}"

#: The line of X's English strings that holds each label, and the bundle line that
#: draws its checkbox.
LABEL_LINE = {
    "grok_training": 1116,
    "grok_personalize": 3569,
    "grok_history": 3567,
    "business_partners": 1161,
    "web_content_use": 1154,
    "off_platform_activity": 1159,
    "personalized_ads": 1149,
    "location": 1163,
}
DRAWN_AT = {
    "grok_training": "ondemand/SettingsRevamp-9f4db315.js:540",
    "grok_personalize": "ondemand/SettingsRevamp-9f4db315.js:645",
    "grok_history": "ondemand/SettingsRevamp-9f4db315.js:590",
    "business_partners": "ondemand/SettingsRevamp-ec129bee.js:528",
    "web_content_use": "ondemand/SettingsRevamp-1bcddef9.js:133",
    "off_platform_activity": "ondemand/SettingsRevamp-1bcddef9.js:140",
    "personalized_ads": "ondemand/SettingsRevamp-ec129bee.js:137",
    "location": "ondemand/SettingsRevamp-877d4cc6.js:29",
}
#: The lines of Brave's task list for the pages it visits.
PSST_LINES = {
    "/settings/data_sharing_with_business_partners": 65,
    "/settings/off_twitter_activity": 76,
    "/settings/ads_preferences": 87,
}
#: The Grok training box's wording of 2024, as reported when X added it.
GROK_2024 = "https://hothardware.com/news/elon-musk-is-using-your-x-posts-to-train-grok"

#: Each settings page's entry in X's Privacy and safety menu (en.js), by its address;
#: the Off-X activity page's entry is "Inferred identity" where ``ucpd_enabled`` is on.
PAGE_NAMES = {
    "/settings/grok_settings": "Grok & Third-party Collaborators",
    "/settings/data_sharing_with_business_partners": "Data sharing with business partners",
    "/settings/off_twitter_activity": "Inferred identity",
    "/settings/ads_preferences": "Ads preferences",
    "/settings/location_information": "Location information",
}
#: The entry's older name, still shown where ``ucpd_enabled`` is off.
OLD_PAGE_NAMES = {"/settings/off_twitter_activity": "Off-X activity"}


def _evidence(setting: Setting) -> tuple[Evidence, ...]:
    """Page, checkbox and wording, each from X's own client (and PSST where it goes)."""
    switch = setting.switch
    assert switch is not None
    key = setting.key
    psst = PSST_LINES.get(switch.path)
    also = f"; {PSST}:{psst}" if psst else ""
    if switch.within == GROK_BOX:
        control = f"a checkbox inside {GROK_BOX}, described by its label: {GROK_BUNDLE}"
    else:
        control = f"a checkbox whose aria-describedby text is its label: {COUNTER}"
    facts = evidence(
        page=(Confidence.CONFIRMED, f"{MENU} (links {switch.path}){also}"),
        control=(Confidence.CONFIRMED, f"{control}; {CLIENT}{DRAWN_AT[key]}{also}"),
        label=(Confidence.CONFIRMED, f"{STRINGS}:{LABEL_LINE[key]}"),
    )
    if key == "grok_training":
        facts += (Evidence("label", Confidence.LIKELY, f"2024 wording: {GROK_2024}"),)
    return facts


def _steps(setting: Setting, what: str = "") -> tuple[str, ...]:
    """How a person unchecks the box: ``what`` names it, by default in X's exact wording."""
    switch = setting.switch
    assert switch is not None
    what = what or f'"{switch.names[0]}"'
    entry = f'"{PAGE_NAMES[switch.path]}"'
    if switch.path in OLD_PAGE_NAMES:
        entry += f' (on some accounts "{OLD_PAGE_NAMES[switch.path]}")'
    return (
        "Sign in to X.",
        f'Open {ORIGIN}{switch.path} ("More", "Settings and privacy", '
        f'"Privacy and safety", then {entry}).',
        f"Uncheck {what}.",
    )


#: X's checkboxes, each found by its label in X's exact wording; the row's label may
#: be shorter.
CHECKBOX = Toggles(
    source=SOURCE,
    notes="Checked by default; no regional or account limits are on record.",
    manual_steps=_steps,
    evidence=_evidence,
)

#: The Grok training checkbox's label, newest first: X's strings as of 2025
#: (under "Grok & Third-party Collaborators"), then the 2024 wording.
GROK_LABELS = (
    "Allow your public data as well as your interactions, inputs, and results with Grok "
    "and xAI to be used for training and fine-tuning",
    "Allow your posts as well as your interactions, inputs, and results with Grok to be "
    "used for training and fine-tuning",
)


class X(Plugin):
    """X's Grok-training, data-sharing and ad-personalisation checkboxes."""

    name = "x"
    title = "X"
    default_origin = ORIGIN
    # X's web client loads from abs.twimg.com and still calls some twitter.com hosts.
    asset_hosts = ("twimg.com", "twitter.com")
    order = 10
    # Guesses: where X sends signed-out visitors and accounts it has locked.
    login_paths = ("/i/flow/login", "/login", "/i/flow/signup")
    checkpoint_paths = ("/account/access",)
    # X signs in through a multi-step flow (name, then password, often a check),
    # not one form a browser can fill.
    login_form = None
    #: ``auth_token`` holds the session; ``twid`` names the signed-in account, and is
    #: what Brave's automation takes as the sign of one.
    session_cookies = ("auth_token", "twid")
    account_source = (
        f"{PSST}:26; lordcusnir/xcookies@ba117c43adc0251817f1e76b685f7f276a192f12:README.md"
    )
    settings: ClassVar[tuple[Setting, ...]] = (
        CHECKBOX(
            "grok_training",
            "Grok and xAI training on your data",
            "Lets X use your posts and your conversations with Grok to train and fine-tune "
            "Grok and xAI's models. Checked by default.",
            Switch("/settings/grok_settings", names=GROK_LABELS, within=GROK_BOX, role="checkbox"),
            manual_steps=lambda s: _steps(
                s,
                "the box that lets your data and your Grok interactions be used for "
                "training and fine-tuning",
            ),
            notes=(
                "Checked by default. Private accounts are excluded from training. The same "
                "page has separate checkboxes for personalising Grok and for its conversation "
                "history. The label's wording has changed; both known wordings are accepted."
            ),
        ),
        CHECKBOX(
            "grok_personalize",
            "Grok personalised from your X activity",
            "Lets X use what you do on X to personalise Grok's answers to you. Checked by "
            "default. It is a convenience rather than training: the strict preset turns it "
            "off, the recommended one leaves it as you like.",
            Switch(
                "/settings/grok_settings",
                names=("Allow X to personalize your experience with Grok",),
                within=GROK_BOX,
                role="checkbox",
            ),
            recommended=State.ON,
            strict=State.OFF,
            notes="Checked by default; one of the three boxes on the Grok page.",
        ),
        CHECKBOX(
            "grok_history",
            "Grok remembers your conversations",
            "Lets Grok keep your past conversations with it and draw on them in new "
            "ones, so its answers follow on from what you told it before. It is a "
            "convenience rather than training (the first box on the page decides "
            "training), so the recommended preset leaves it as you have it; the strict one "
            "turns it off. Turning it off stops Grok drawing on your past conversations; "
            "it does not delete them: that is done from Grok's conversation history.",
            Switch(
                "/settings/grok_settings",
                names=("Allow Grok to remember your conversation history",),
                within=GROK_BOX,
                role="checkbox",
            ),
            recommended=State.ON,
            strict=State.OFF,
            notes="One of the three boxes on the Grok page; its default is not on record.",
        ),
        CHECKBOX(
            "business_partners",
            "Share more with business partners",
            "Lets X share more information about you with its business partners. "
            "Checked by default.",
            Switch(
                "/settings/data_sharing_with_business_partners",
                names=("Allow additional information sharing with business partners",),
                role="checkbox",
            ),
        ),
        CHECKBOX(
            "web_content_use",
            "Use where you see X content on the web",
            "Lets X use the places on the web where you see X content (embedded posts, "
            "buttons) to personalise what you see. Checked by default.",
            Switch(
                "/settings/off_twitter_activity",
                names=("Allow use of where you see X content across the Web",),
                role="checkbox",
            ),
            notes=(
                "Checked by default. The first box of its page where X still calls the page "
                '"Off-X activity"; where the page is called "Inferred identity" X does not '
                "draw it. Turning it off asks for a confirmation in the EU."
            ),
        ),
        CHECKBOX(
            "off_platform_activity",
            "Personalize from your inferred identity",
            "Lets X tailor what you see using where you go and what you do off X, and "
            "the devices and identities it links to you. Checked by default.",
            Switch(
                "/settings/off_twitter_activity",
                names=("Personalize based on your inferred identity",),
                role="checkbox",
            ),
            notes=(
                'Checked by default. On the page now called "Inferred identity" (formerly '
                '"Off-X activity"), where it may be the only box or the second one: found '
                "by its label."
            ),
        ),
        CHECKBOX(
            "personalized_ads",
            "Personalized ads",
            "Lets X choose the ads you see from your activity and profile. Checked by default.",
            Switch("/settings/ads_preferences", names=("Personalized ads",), role="checkbox"),
        ),
        CHECKBOX(
            "location",
            "Personalize from places you have been",
            "Lets X tailor what you see, ads included, using places you have been. "
            "Checked by default. Not the same as adding a location to your posts, which "
            "is set on the page next to it.",
            Switch(
                "/settings/location_information",
                names=("Personalize based on places you\u2019ve been",),
                role="checkbox",
            ),
        ),
    )


#: X's Japanese interface words that Japanese reports quote, each for the English words of
#: the steps it stands for: the Japanese steps use these words, so a person finds them on the
#: page. Pages of X's own help that name them in Japanese are not on record; the reports are.
MYNAVI = "https://news.mynavi.jp/article/20251024-3583847/"
EDGECAPITAL = "https://infant.edgecapital.cloud/elem/000/004/352/4352539"
ZINSOKU = "https://zinsoku.com/x-grok-settings/"
SBAPP = "https://sbapp.net/?p=167697"
JAPANESE_WORDS: dict[str, tuple[str, tuple[str, ...]]] = {
    '"More"': ("もっと見る", (ZINSOKU,)),
    '"Settings and privacy"': ("設定とプライバシー", (MYNAVI, EDGECAPITAL, ZINSOKU)),
    '"Privacy and safety"': ("プライバシーと安全", (MYNAVI, EDGECAPITAL, ZINSOKU)),
    '"Grok & Third-party Collaborators"': (
        "Grokとサードパーティコラボレーター",
        (MYNAVI, EDGECAPITAL, SBAPP),
    ),
    "be used for training and fine-tuning": (
        "公開データに加えて、GrokおよびxAIでのやり取り、インプット、結果をトレーニングと"
        "調整に利用することを許可します。",
        (MYNAVI, EDGECAPITAL, SBAPP),
    ),
    '"Allow X to personalize your experience with Grok"': (
        "XによるGrokの動作のカスタマイズを許可する",
        (SBAPP,),
    ),
}


def _in_japanese(setting: Setting) -> Setting:
    """``setting`` with the evidence of each Japanese interface word its steps name."""
    return with_words(setting, JAPANESE_WORDS, "Japanese reports")


X.settings = tuple(_in_japanese(setting) for setting in X.settings)
