"""OpenAI ChatGPT: Settings, Data controls, a dialog over the app at its own address.

The tab opens at ``/#settings/DataControls`` (the element dumps of a signed-in
account's tab were taken there) and is also reached by the test ids of Brave's
automation (``accounts-profile-button``, ``settings-menu-item``, ``data-controls-tab``).
It draws its settings as rows, not switches:

- "Improve the model for everyone": a row button (test id
  ``improve-model-open-modal-button``) named with its state, whose dialog holds the real
  switch, ``button[data-testid="improve-model-toggle"]`` with ``aria-checked``. Read and
  changed there by the shared switch code, after two clicks.
- "Location": the words, then a plain button whose whole text is the state ("Off"); it
  opens the choice.
- "Remote browser data": one row button named "Remote browser data On", which opens a
  dialog; absent on some accounts.

The last two are the row shape of :mod:`automation.page.rows`: read from the button's own
name, changed through what it opens, read back from a fresh load. All of it is data.
"""

from __future__ import annotations

from typing import ClassVar

from automation.domain.settings import Confidence, Setting, Switch, evidence
from automation.domain.words import with_words
from automation.plugin import Plugin

ORIGIN = "https://chatgpt.com"
#: Brave's public automation of ChatGPT's Data controls: its account marks, task 1
#: (model training, by test ids) and task 2 (Marketing privacy's dialog switch).
PSST = "brave/psst-component@1b7a881754a826ec775d8ab27e96297f8504502e:src/chatgpt/user.ts"
_HUB = "LT-0I/web-ai-capability-hub@daebf23314b04fdb74c2de87302e1b06cd75b4de:.runs/web-ai-explore/"
#: An element dump of a signed-in account's Data controls tab, in English.
DUMP = _HUB + "stream3-chatgpt-inventory-2026-05-14/B5-improve-model-toggle/dom-datacontrols.json"
#: The notes of that reading: the address it was opened at and what each row shows.
NOTE = _HUB + "stream3-chatgpt-inventory-2026-05-14/B5-improve-model-toggle/note.md"
#: The same tab dumped in simplified Chinese ("关", "开", and Location's "禁用").
DUMP_ZH = (
    _HUB + "stream3-chatgpt-inventory-2026-05-14.codex-rejected/settings-data-controls/stdout.json"
)

#: The address that opens Settings on its Data controls tab.
DATA_CONTROLS = "/#settings/DataControls"
#: The click that shows the Data controls tab (already shown when the address opened it).
TAB = ('[data-testid="data-controls-tab"]',)
#: The clicks that reveal the model-training switch: the tab, then its row's dialog.
DIALOG = (*TAB, '[data-testid="improve-model-open-modal-button"]')

_PAGE = (
    Confidence.CONFIRMED,
    f"{NOTE} and {DUMP}: the Data controls tab of a signed-in account, opened at "
    f"https://chatgpt.com/#settings/DataControls; {PSST}:67-81 reaches it by the test ids "
    "accounts-profile-button, settings-menu-item and data-controls-tab",
)

_IMPROVE_MODEL = Setting(
    key="improve_model",
    label="Improve the model for everyone",
    description=(
        "Lets OpenAI use your ChatGPT conversations to train its models. On by default "
        "for Free, Plus and Pro accounts. Turning it off covers new conversations."
    ),
    url=ORIGIN + DATA_CONTROLS,
    manual_steps=(
        "Sign in to ChatGPT.",
        'Click your profile picture, then "Settings".',
        'Choose "Data controls".',
        'Click "Improve the model for everyone".',
        "Switch it off in the dialog that opens, then close the dialog.",
    ),
    notes="On by default for Free, Plus and Pro accounts.",
    source=f"{DUMP}; {PSST}",
    switch=Switch(path=DATA_CONTROLS, testid="improve-model-toggle", opens=DIALOG),
    evidence=evidence(
        page=_PAGE,
        control=(
            Confidence.CONFIRMED,
            f'{PSST}:71,80: button[data-testid="improve-model-toggle"] in the dialog of '
            f'button[data-testid="improve-model-open-modal-button"]; {DUMP}: that row '
            'button, named "Improve the model for everyone Off"',
        ),
        label=(Confidence.CONFIRMED, f"{DUMP}; {PSST}:70"),
    ),
)


def _row(
    key: str, label: str, description: str, steps: tuple[str, ...], control: str, notes: str
) -> Setting:
    """A setting of the Data controls tab drawn as a row button named with its state."""
    return Setting(
        key=key,
        label=label,
        description=description,
        url=ORIGIN + DATA_CONTROLS,
        manual_steps=("Sign in to ChatGPT.", 'Open Settings, then "Data controls".', *steps),
        notes=notes,
        source=f"{DUMP}; {NOTE}",
        switch=Switch(path=DATA_CONTROLS, names=(label,), opens=TAB, shape="row"),
        evidence=evidence(
            page=_PAGE,
            control=(Confidence.CONFIRMED, control),
            label=(Confidence.CONFIRMED, f"{DUMP}; {NOTE}"),
        ),
    )


_LOCATION = _row(
    "location",
    "Location",
    "Lets ChatGPT use your location to make answers about nearby places, local news and "
    "weather more relevant. Your location goes to OpenAI with your conversations. Its "
    "default, and whether it is your device's precise location or one inferred from "
    "your connection, are not on record. Turning it off stops new answers from using "
    "it; conversations that already used it keep it, and any website still sees the "
    "rough place your connection comes from.",
    ('Click the state shown beside "Location" (such as "On").', 'Choose "Off".'),
    f'{DUMP}: after the words "Location", a plain <button type="button"> whose whole text '
    'is the state ("Off"), with no role and no aria-checked; it opens the choice. '
    f'{DUMP_ZH}: the same button reads "禁用" in Chinese',
    "Not a switch: a button showing the state opens the choice. What it opens is not on "
    'record, so only a choice named "Off" (or "On") alone is ever picked.',
)

# Sign-ins to a person's other accounts, held by another company: recommended off
# (the default of every setting), though it costs only convenience.
_REMOTE_BROWSER_DATA = _row(
    "remote_browser_data",
    "Remote browser data",
    "As its name says, keeps the data of the remote browser ChatGPT's agent uses to "
    "visit websites for you (such as cookies and sign-ins to those sites) from one "
    "task to the next, on OpenAI's side; what exactly it keeps and its default are "
    "not on record. Off, the agent has to be signed in to those sites again; turning "
    "it off is not known to delete what was already kept.",
    (
        'Click "Remote browser data".',
        "Switch it off in the dialog that opens, then close the dialog.",
    ),
    f'{DUMP}: one row <button class="w-full"> named "Remote browser data On", the words '
    "and the state in one name, like the row that opens the model-training dialog; "
    f'{NOTE}: "Remote browser data button reads On"',
    "Some accounts do not have it. Not a switch: its row button, named with the state, "
    "opens a dialog that holds the switch.",
)


class ChatGPT(Plugin):
    """ChatGPT's Data controls: model training, location and remote browser data."""

    name = "chatgpt"
    title = "ChatGPT"
    default_origin = ORIGIN
    # ChatGPT's scripts come from cdn.oaistatic.com.
    asset_hosts = ("oaistatic.com", "oaiusercontent.com", "openai.com")
    order = 20
    # Guesses: ChatGPT's sign-in starts at /auth/login and continues on OpenAI's
    # own sign-in site.
    login_paths = ("/auth/login", "/log-in")
    sign_in_origins = ("https://auth.openai.com",)
    # No verification page is on record; one would read as "unknown", not a guess.
    checkpoint_paths = ()
    # Signing in takes an email step, then a password or a code: not one form.
    login_form = None
    # chatgpt.com serves its start page to visitors too: only the account menu shows a
    # signed-in account. Brave's automation also reads the account from the cookie
    # oai-client-auth-info, but a cookie left from an ended session still loads the
    # start page (no redirect), drawn for a visitor: held alone, it would prove
    # nothing here, so it is not taken as a sign.
    signed_in_marker = '[data-testid="accounts-profile-button"]'
    account_source = (
        f"{PSST}:12 (the account menu's test id); {DUMP} (accounts-profile-button, "
        '"Shark Pro, open profile menu", on a signed-in page)'
    )
    settings: ClassVar[tuple[Setting, ...]] = (_IMPROVE_MODEL, _LOCATION, _REMOTE_BROWSER_DATA)


#: ChatGPT's Japanese interface words that Japanese guides quote, each for the English words
#: of the steps it stands for: the Japanese steps use these words, so a person finds them on
#: the page. OpenAI's own Japanese help naming them is not on record; the guides are.
FEELWINK = (
    "https://feelwink.com/airpods/yzb/chatgptnochattorirekitotoreeningudeetanoshiyouwomukou.html"
)
JAPANESE_WORDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Settings": ("設定", (FEELWINK,)),
    '"Data controls"': ("データコントロール", (FEELWINK, "https://hanlabo.co.jp/?p=3242")),
    '"Improve the model for everyone"': (
        "すべての人のためにモデルを改善する",
        (
            "https://ainomad.net/improve-the-model-for-everyone",
            "https://www.generative-ai-hacks.com/chatgpt-improving-model-for-everyone",
            "https://lifestyle.assist-all.co.jp/?p=60515",
        ),
    ),
}


def _in_japanese(setting: Setting) -> Setting:
    """``setting`` with the evidence of each Japanese interface word its steps name."""
    return with_words(setting, JAPANESE_WORDS, "Japanese guides")


ChatGPT.settings = tuple(_in_japanese(setting) for setting in ChatGPT.settings)

#: The setting as the plugin holds it (its platform filled in).
IMPROVE_MODEL = ChatGPT.setting("improve_model")
