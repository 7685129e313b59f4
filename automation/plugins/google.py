"""Google's activity controls: Gemini Apps Activity ("Keep Activity"), the audio and Live
recordings box under it, and Web & App Activity.

All three live on ``myactivity.google.com``. The two activity controls are drawn as a
chip that shows the state ("On" and a caret) and opens a menu: "Turn off" (hint "1
step") and "Turn off and delete activity" (hint "2 steps"), followed by a confirmation.
The shared code in :mod:`automation.page.chips` reads and changes them; it always chooses
the plain "Turn off" and never anything that deletes. Under Keep Activity, a row with
``role="checkbox"`` named by its own words lets Google use the account's audio and
Gemini Live recordings: the shared switch code finds it by those words. Gmail's smart
features live on another origin (``mail.google.com``) and are their own platform, ``gmail``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from automation.domain.settings import Confidence, Evidence, Setting, Switch, evidence
from automation.domain.words import WORDS
from automation.plugin import Plugin

ORIGIN = "https://myactivity.google.com"

# Google signs people in on its own origin for every service. The paths are
# guesses from the addresses its sign-in pages have used.
SIGN_IN_ORIGINS = ("https://accounts.google.com",)
LOGIN_PATHS = ("/ServiceLogin", "/v3/signin/", "/signin/", "/InteractiveLogin")
CHECKPOINT_PATHS = ("/v3/signin/challenge/", "/signin/v2/challenge/", "/signin/challenge/")

#: Google's session cookies: set on ``.google.com`` for every Google service, held only
#: by a signed-in browser.
SESSION_COOKIES = ("SID", "HSID", "__Secure-1PSID", "__Secure-3PSID")
#: Where those cookie names are on record.
ACCOUNT_SOURCE = (
    "https://policies.google.com/technologies/cookies (cookies called SID and HSID hold "
    "a signed, encrypted record of the Google Account ID and its last sign-in); "
    "https://cookiesentry.com/cookies/providers/google (__Secure-1PSID and "
    "__Secure-3PSID: the secure variants of the Google account session cookie)"
)

GEMINI_PATH = "/product/gemini"
WEB_APP_PATH = "/activitycontrols/webandapp"
#: The wordings that confirm a change besides the usual ones: the confirmation that
#: follows "Turn off" on Google's activity pages is acknowledged with "Got it"; older
#: pages asked to "Pause".
CONFIRMS = ("Got it", "Pause")

GEMINI_HELP = "https://support.google.com/gemini/answer/13278892"
WILLOW_CHIP = (
    "YashjitPal/Willow@514ce1288a7f7cc54bdc44a3430c513d6e34d82d:"
    "apps/studio/src/settings/tabs/activity/ActivityTab.tsx"
)
WILLOW_NOTES = "YashjitPal/Willow@eab8874ba698efa28cee5639649e2d8397c6e8ac:apps/studio/AGENTS.md"
WEB_APP_HELP = "https://support.google.com/websearch/answer/54068"

GEMINI_ACTIVITY = Setting(
    key="gemini_activity",
    label="Keep Activity (Gemini Apps Activity)",
    description=(
        "Keeps your Gemini conversations in your Google Account, where they can be "
        "reviewed and used to improve Google's AI. On by default for users 18 and over."
    ),
    manual_steps=(
        "Sign in to your Google Account.",
        f"Open {ORIGIN}{GEMINI_PATH} (in Gemini: Settings & help, then Activity).",
        'Under "Keep Activity", click "On".',
        'In the menu, choose "Turn off" ("Turn off and delete activity" also deletes '
        "your past activity), then confirm.",
    ),
    notes=(
        "Offered to users 18 and over. Even when off, Google keeps conversations for up "
        'to 72 hours. privacy-tui always chooses "Turn off", never "Turn off and delete '
        'activity": deleting past activity is left to you.'
    ),
    source=f"Gemini Apps Help ({GEMINI_HELP})",
    switch=Switch(
        path=GEMINI_PATH,
        names=("Keep Activity", "Gemini Apps Activity"),
        role="chip",
        shape="chip",
        confirms=CONFIRMS,
    ),
    evidence=evidence(
        page=(
            Confidence.CONFIRMED,
            f"{GEMINI_HELP} (Gemini Apps activity is also at myactivity.google.com/product/gemini)",
        ),
        control=(
            Confidence.LIKELY,
            f"{WILLOW_CHIP} (a copy of the page measured off the live site: a button "
            'with aria-haspopup="menu" and aria-label "Turn off your Keep Activity '
            'setting" that shows "On", its menu items "Turn off" (1 step) and "Turn off '
            'and delete activity" (2 steps)); '
            f'{WILLOW_NOTES} (the page ships the role="menu" markup in the card, '
            f"unopened); {GEMINI_HELP} (click On, then Turn off or Turn off and delete "
            "activity)",
        ),
        label=(
            Confidence.CONFIRMED,
            f"{GEMINI_HELP} (the setting is Keep Activity; the page is Gemini Apps "
            "Activity); https://www.bgr.com/1939066/how-to-stop-google-gemini-training-"
            'personal-data/ ("Gemini Apps Activity" renamed "Keep Activity")',
        ),
    ),
)

WEB_APP_EVIDENCE = (
    *evidence(
        page=(
            Confidence.LIKELY,
            f"{WEB_APP_HELP} (Web & App Activity is set in Activity controls); "
            "https://github.com/amitsingh-007/bypass-links/issues/1001 (the page's "
            "address, myactivity.google.com/activitycontrols/webandapp)",
        ),
        control=(
            Confidence.LIKELY,
            "https://stateofjeffersonrotary.org/meeting/weekly-meeting-mar-26-2026.html"
            "?start=7 (a copy of PCMag's guide: the drop-down offers Turn off and Turn "
            "off and delete activity); https://fornaywork.com/?p=51983 (click the "
            'dropdown menu and select "Turn off"); the same chip as Gemini\'s, '
            f"{WILLOW_CHIP}",
        ),
        label=(Confidence.CONFIRMED, WEB_APP_HELP),
    ),
    Evidence(
        "control",
        Confidence.GUESS,
        "inferred: the chip's name holds \"Web & App Activity\", as the Gemini chip's "
        'holds "Keep Activity"; the chip\'s own aria-label on this page is not on record',
    ),
)

WEB_APP_ACTIVITY = Setting(
    key="web_app_activity",
    label="Web & App Activity",
    description=(
        "Saves your searches, activity in Google apps and browsing in Chrome to your "
        "Google Account, where it personalises results and ads. On by default."
    ),
    manual_steps=(
        "Sign in to your Google Account.",
        f"Open {ORIGIN}{WEB_APP_PATH} (Data & privacy, Web & App Activity).",
        'Next to "Web & App Activity", click "On".',
        'In the menu, choose "Turn off" ("Turn off and delete activity" also deletes '
        "your past activity), then confirm.",
    ),
    notes=(
        "There is no switch for AI Overviews in Google Search; they cannot be turned "
        'off from the account. privacy-tui always chooses "Turn off", never "Turn off '
        'and delete activity".'
    ),
    source=f"Google Search Help ({WEB_APP_HELP})",
    switch=Switch(
        path=WEB_APP_PATH,
        names=("Web & App Activity",),
        role="chip",
        shape="chip",
        confirms=CONFIRMS,
    ),
    evidence=WEB_APP_EVIDENCE,
)


#: A guide that names the box and says it is left unticked unless a person opts in.
AUDIO_GUIDE = (
    "https://allthings.how/how-to-prevent-google-from-using-your-gemini-interactions-to-train-ai"
)
#: The row's wordings: the current one (Willow's copy of the page, measured off the live
#: page, with the product's own name in its place) and the earlier one (the guide).
AUDIO_NAMES = (
    "with your audio and Live videos & screenshares",
    "with your audio and Gemini Live recordings",
)

GEMINI_AUDIO = Setting(
    key="gemini_audio",
    label="Improve Google services with your audio and Gemini Live recordings",
    description=(
        "Lets Google keep and use your audio, and the video and screens you share with "
        "Gemini Live, to improve its services, AI models included; people may review "
        "them. Off unless you ticked it."
    ),
    manual_steps=(
        "Sign in to your Google Account.",
        f"Open {ORIGIN}{GEMINI_PATH} (in Gemini: Settings & help, then Activity).",
        'Under "Keep Activity", untick "Improve Google services with your audio and '
        'Live videos & screenshares" (earlier worded "... with your audio and Gemini Live '
        'recordings").',
    ),
    notes=(
        "Shown under Keep Activity; the box is unticked for accounts that never opted in. "
        "Google has worded it in more than one way; the row is found by the words its "
        "wordings share."
    ),
    source=f"{AUDIO_GUIDE}; {WILLOW_CHIP}",
    switch=Switch(path=GEMINI_PATH, names=AUDIO_NAMES, role="checkbox"),
    evidence=evidence(
        page=(
            Confidence.CONFIRMED,
            f"{GEMINI_HELP} (Gemini Apps activity is at myactivity.google.com/product/"
            f"gemini); {WILLOW_CHIP} (the row sits in the Keep Activity card)",
        ),
        control=(
            Confidence.LIKELY,
            f'{WILLOW_CHIP} (a row with role="checkbox", aria-checked and an aria-label '
            "holding its words, measured off the live page); "
            f"{AUDIO_GUIDE} (a box to tick or untick)",
        ),
        label=(
            Confidence.LIKELY,
            f'{AUDIO_GUIDE} ("Improve Google services for everyone with your audio and '
            f'Gemini Live recordings"); {WILLOW_CHIP} ("... with your audio and Live '
            'videos & screenshares.", the product named otherwise)',
        ),
    ),
)


class Google(Plugin):
    """Google's activity controls on My Activity."""

    name = "google"
    title = "Google"
    default_origin = ORIGIN
    # Google's pages load their scripts from gstatic.com and googleapis.com.
    asset_hosts = ("gstatic.com", "googleapis.com")
    order = 40
    login_paths = LOGIN_PATHS
    checkpoint_paths = CHECKPOINT_PATHS
    sign_in_origins = SIGN_IN_ORIGINS
    # Google signs in over several pages and often asks for a second step.
    login_form = None
    session_cookies = SESSION_COOKIES
    account_source = ACCOUNT_SOURCE
    settings: ClassVar[tuple[Setting, ...]] = (GEMINI_ACTIVITY, GEMINI_AUDIO, WEB_APP_ACTIVITY)


#: Google's own help, in Japanese: Web & App Activity's switch and its two ways of turning
#: it off.
HELP_JA = "https://support.google.com/websearch/answer/54068?hl=ja"
#: Japanese guides that quote the Gemini activity page's words as it shows them.
GEMINI_GUIDES = (
    "https://dicolt.com/gemini-setting",
    "https://ai-no-chikara.com/posts/gemini-activity-off",
)

#: The words of Google's Japanese interface each setting's Japanese steps and notes use, so a
#: person finds them on the page, and who quotes them. The Gemini page's words in the
#: reports are not Google's help's (its Web & App Activity menu reads differently), so each
#: setting names its own.
JAPANESE_WORDS: dict[str, tuple[tuple[str, Confidence, tuple[str, ...]], ...]] = {
    "gemini_activity": tuple(
        (word, Confidence.LIKELY, GEMINI_GUIDES)
        for word in (
            "設定とヘルプ",
            "アクティビティ",
            "オン",
            "オフにする",
            "オフにしてアクティビティを削除",
        )
    ),
    "gemini_audio": tuple(
        (word, Confidence.LIKELY, GEMINI_GUIDES) for word in ("設定とヘルプ", "アクティビティ")
    ),
    "web_app_activity": tuple(
        (word, Confidence.CONFIRMED, (HELP_JA,))
        for word in (
            "ウェブとアプリのアクティビティ",
            "オフにする",
            "アクティビティをオフにして削除",
        )
    ),
}


def _in_japanese(setting: Setting) -> Setting:
    """``setting`` with the evidence of each Japanese interface word its steps name."""
    words = tuple(
        Evidence(
            WORDS,
            confidence,
            f"「{word}」 (in the Japanese interface): {', '.join(sources)}",
        )
        for word, confidence, sources in JAPANESE_WORDS.get(setting.key, ())
    )
    return replace(setting, evidence=(*setting.evidence, *words))


Google.settings = tuple(_in_japanese(setting) for setting in Google.settings)
