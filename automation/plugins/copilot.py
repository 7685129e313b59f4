"""Microsoft Copilot: model training on conversations and on voice, memory, and ads.

Microsoft Support ("Microsoft Copilot privacy controls") names the training
switches "Training on conversation activity" and "Training on voice conversations"
(earlier "Model training on text" and "Model training on voice", both still
accepted), and puts them under Privacy; "Personalization and memory" is on a
separate Memory page. No address of either page is on record: on the web both open
from the profile menu (the profile icon, then the profile name, then Privacy or
Memory). So the plugin loads the app and walks that menu as a person does, each
step found by the words a person sees (``Switch.opens``); every switch is found by
role and its own label. Where a step is missing the row reads ``unknown`` (or
``needs login`` when no profile icon is there at all), never a value.

Signed-out visitors get the app with a "Sign in" button and no profile icon; the
profile icon only a signed-in account shows is the sign of an account. Copilot keeps
its session in the browser's storage, not in a cookie whose name is on record.
"""

from __future__ import annotations

from collections.abc import Callable

from automation.domain.settings import Confidence, Evidence, Setting, State, Switch, evidence
from automation.domain.toggles import Toggles
from automation.plugin import Plugin

ORIGIN = "https://copilot.microsoft.com"
#: The app itself: the settings open over it from the profile menu.
PATH = "/"

#: Microsoft Support: the settings' names and where they are (profile icon, profile
#: name, then Privacy or Memory).
CONTROLS = (
    "https://support.microsoft.com/en-us/microsoft-copilot/microsoft-copilot-privacy-controls"
)
#: Microsoft's page on the newer app's settings (Settings, Personalization).
NEWER = "https://support.microsoft.com/en-us/privacy/microsoft-copilot/privacy-controls"
#: Guides that show the earlier wordings, and the web route (profile image, your
#: name and address, then Privacy).
GUIDE = "https://tipsmake.com/guidelines-for-controlling-rights-okcms"
PCMAG = (
    "https://promo-sale.live/ai/162916/"
    "use-microsoft-copilot-7-settings-i-changed-right-away-to-protect-my-privacy"
)
#: The profile icon a signed-in account's app shows (its accessible name is a guess).
PROFILE = "role=button[name=/profile/i]"
#: The profile name in the menu it opens: the account's name and email address.
ACCOUNT_ENTRY = "role=menuitem[name=/@/]"
#: The steps to each page, by what a person sees.
TO_PRIVACY = (PROFILE, ACCOUNT_ENTRY, 'text="Privacy"')
TO_MEMORY = (PROFILE, ACCOUNT_ENTRY, 'text="Memory"')

#: The route is Microsoft's; the profile icon's and the profile name's markup is not
#: on record.
ROUTE_GUESS = (
    Confidence.GUESS,
    "inferred: the profile icon is found by an accessible name containing "
    '"profile" and the profile name by the email address it shows; neither markup '
    "is on record",
)
SWITCH_GUESS = (
    Confidence.GUESS,
    "inferred: a switch named by its label; Copilot's markup is not on record",
)


def _steps(page: str) -> Callable[[Setting], tuple[str, ...]]:
    def steps(setting: Setting) -> tuple[str, ...]:
        return (
            "Sign in to Copilot (copilot.microsoft.com) with your Microsoft account.",
            "Click your profile icon, then your profile name (in the Windows or Mac app: "
            "your profile icon, then Settings).",
            f'Choose "{page}".',
            f'Switch "{setting.label}" off.',
        )

    return steps


def _description(what: str) -> str:
    return (
        f"Lets Microsoft use your {what} with Copilot to train its generative AI "
        "models. On by default. Turn it off to keep them out of training."
    )


def _training_evidence(setting: Setting) -> tuple[Evidence, ...]:
    return (
        *evidence(
            page=(Confidence.LIKELY, f"{CONTROLS} (profile icon, profile name, Privacy); {PCMAG}"),
            control=SWITCH_GUESS,
            label=(Confidence.CONFIRMED, CONTROLS),
        ),
        Evidence("page", *ROUTE_GUESS),
        Evidence("label", Confidence.LIKELY, f"earlier wording: {GUIDE}; {PCMAG}"),
    )


#: Copilot's training switches, side by side under Privacy.
TRAINING = Toggles(
    source=CONTROLS,
    notes=(
        "Hidden for work and school accounts, for people under 18 and in some countries; "
        "where it is hidden the row reads unknown or unavailable. Opting out covers "
        "future conversations only."
    ),
    manual_steps=_steps("Privacy"),
    evidence=_training_evidence,
)


class Copilot(Plugin):
    """Copilot's privacy settings: training on conversations and voice, memory, ads."""

    name = "copilot"
    title = "Copilot"
    default_origin = ORIGIN
    order = 84
    # Guesses: Microsoft's account sign-in hosts, and a sign-in path on Copilot.
    login_urls = ("https://login.live.com/", "https://login.microsoftonline.com/")
    login_paths = ("/signin",)
    # A Microsoft account sign-in takes several steps and often a code: left to a person.
    login_form = None
    signed_in_marker = PROFILE
    account_source = (
        f"{CONTROLS}; {PCMAG} (the profile icon a signed-in account's app shows; its "
        "accessible name is inferred)"
    )
    settings = (
        TRAINING(
            "model_training_text",
            "Training on conversation activity",
            _description("conversations (text)"),
            Switch(
                PATH,
                names=("Training on conversation activity", "Model training on text"),
                opens=TO_PRIVACY,
            ),
        ),
        TRAINING(
            "model_training_voice",
            "Training on voice conversations",
            _description("voice conversations"),
            Switch(
                PATH,
                names=("Training on voice conversations", "Model training on voice"),
                opens=TO_PRIVACY,
            ),
        ),
        Setting(
            key="personalization_memory",
            label="Personalization and memory",
            description=(
                "Lets Copilot remember things from your conversations and use them, with "
                "your activity, to personalise its answers; Microsoft keeps what it "
                "remembers with your account. On by default where offered. A convenience "
                "rather than training or ads: the recommended preset leaves it as you have it, the "
                "strict one turns it off. Turning it off makes Copilot forget its "
                "memories of your conversations; your past conversations stay."
            ),
            recommended=State.ON,
            strict=State.OFF,
            manual_steps=(
                "Sign in to Copilot (copilot.microsoft.com) with your Microsoft account.",
                "Click your profile icon, then your profile name.",
                'Choose "Memory".',
                'Switch "Personalization and memory" off.',
            ),
            notes=(
                "On the Memory page, not under Privacy. Not offered in Brazil, China "
                "(except Hong Kong), Israel, Nigeria, South Korea and Vietnam. It does not "
                "decide personalised ads."
            ),
            source=CONTROLS,
            switch=Switch(PATH, names=("Personalization and memory",), opens=TO_MEMORY),
            evidence=(
                *evidence(
                    page=(Confidence.LIKELY, f"{CONTROLS} (profile icon, profile name, Memory)"),
                    control=SWITCH_GUESS,
                    label=(Confidence.CONFIRMED, CONTROLS),
                ),
                Evidence("page", *ROUTE_GUESS),
            ),
        ),
        Setting(
            key="ad_personalization",
            label="Ad personalization",
            description=(
                "Lets Microsoft choose the ads you see in Copilot from what it knows of you, "
                "your Copilot chat history and memories included. On by default for "
                "adults. Turning it off makes the ads general rather than fewer, and does "
                "not take back data already used for them."
            ),
            manual_steps=(
                "Sign in to Copilot (copilot.microsoft.com) with your Microsoft account.",
                "Click your profile icon, then your profile name.",
                'Choose "Privacy" (in the newer app: Settings, then "Personalization").',
                'Switch "Ad personalization" (or "Allow ads personalization") off.',
            ),
            notes=(
                "Where and how it is worded is the least sure of Copilot's rows: public "
                'guides show "Ad personalization" under Privacy, Microsoft\'s page on the '
                'newer app "Allow ads personalization" under Personalization, and '
                'Microsoft\'s privacy dashboard a separate "See ads that interest you". '
                "Any of those wordings is taken, under Privacy only."
            ),
            source=f"{GUIDE}; {NEWER}",
            switch=Switch(
                PATH,
                names=(
                    "Ad personalization",
                    "Allow ads personalization",
                    "See ads that interest you",
                ),
                opens=TO_PRIVACY,
            ),
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    f"inferred: under Privacy in guides ({GUIDE}); Microsoft puts the newer "
                    f"app's under Personalization ({NEWER})",
                ),
                control=SWITCH_GUESS,
                label=(
                    Confidence.GUESS,
                    f'inferred: "Ad personalization" ({GUIDE}), "Allow ads personalization" '
                    f'({NEWER}), "See ads that interest you" (Microsoft\'s privacy dashboard)',
                ),
            ),
        ),
    )
