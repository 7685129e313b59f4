"""Substack: "Block AI training", a switch each publication has of its own.

ON asks AI crawlers not to use the publication's posts (it sets a flag for
crawlers); OFF, the default, does not. So the recommended state is ON.

Substack Support ("How can I block AI from using my Substack publication to train
their models?") says: on the publication's Settings page, in the Publication details
section, slide the toggle next to "Block AI training"; in 2026 readers find it worded
"Opt out of AI training" (both are recognised). Each publication lives on a host of
its own below Substack's, so the publications are found as links to hosts below
``substack.com`` on the account's list of publications, each publication's name is
its host's first label, and each one's switch is read on that host, at
``/publish/settings``. The list page's address, the settings address and the markup
are guesses, so the switch is found by role and label; where the guessed pages do
not exist the rows read ``unavailable`` or ``unknown``, never a value.

Signed in is shown by Substack's ``substack.sid`` session cookie, the cookie public
clients of Substack's API take from a signed-in browser.
"""

from __future__ import annotations

from automation.domain.settings import Confidence, Discovery, Setting, State, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://substack.com"
LABEL = "Block AI training"
#: The wordings on record, the first current until a 2026 report.
LABELS = (LABEL, "Opt out of AI training")
#: Substack's help on the setting: the publication's Settings page, its label.
HELP = (
    "https://support.substack.com/hc/en-us/articles/20382615953556-"
    "How-can-I-block-AI-from-using-my-Substack-publication-to-train-their-models"
)
#: Readers finding the 2026 wording under the publication's privacy settings.
WORDING_2026 = "https://redlib.cjs-cloud.com/r/Substack/comments/1t9b8f5/opt_out_of_ai_training/"
#: A public client of Substack's API: the ``substack.sid`` cookie of a signed-in browser.
COOKIES = "NHagar/substack_api@65f461935947a45ee9fe41429e48a25e74af6691:docs/authentication.md"
#: A publication's settings, on its own host (``<publication>.substack.com``).
PUBLICATION_PATH = "/publish/settings"
# A guess: the account's list of publications, linking to each one's own host.
PUBLICATIONS = Discovery(
    path="/settings",
    link='a[href*="/publish"]',
    pattern=r"^(?!www$)(?P<name>[a-z0-9-]+)$",
    noun="publication",
    subdomain=True,
)


class Substack(Plugin):
    """Substack's per-publication switch that blocks AI training."""

    name = "substack"
    title = "Substack"
    default_origin = ORIGIN
    # Substack's scripts come from substackcdn.com.
    asset_hosts = ("substackcdn.com",)
    order = 72
    # Each publication is on a host below substack.com.
    subdomains = True
    # Guesses: Substack's sign-in page. It often signs in with an emailed link.
    login_paths = ("/sign-in",)
    login_form = None
    session_cookies = ("substack.sid",)
    account_source = COOKIES
    settings = (
        Setting(
            key="block_ai_training",
            label=LABEL,
            description=(
                "ON tells AI crawlers not to use this publication's posts for training "
                "(Substack sets a flag that well-behaved crawlers honour); OFF, the "
                "default, leaves them free to. Recommended: ON. Each of your "
                "publications has its own switch."
            ),
            recommended=State.ON,
            manual_steps=(
                "Sign in to Substack.",
                "Open your publication's settings: "
                "https://<your publication>.substack.com/publish/settings.",
                'Switch "Block AI training" (newer wording: "Opt out of AI training") ON.',
                "Repeat for each of your publications.",
            ),
            notes=(
                "Kept per publication, each on its own host (<publication>.substack.com). "
                "It asks crawlers to stay away; it cannot stop one that ignores the flag. "
                "The page that lists your publications is a guess."
            ),
            source=HELP,
            switch=Switch(path=PUBLICATION_PATH, names=LABELS, subdomain="{name}"),
            per=PUBLICATIONS,
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    "inferred: the address <publication>.substack.com/publish/settings and "
                    f"the list of publications at substack.com/settings; the publication's "
                    f"Settings page itself is in {HELP}",
                ),
                control=(
                    Confidence.GUESS,
                    f"inferred: a switch named by its label ({HELP} calls it a toggle); "
                    "its markup is not on record",
                ),
                label=(
                    Confidence.LIKELY,
                    f'{HELP} ("Block AI training"); {WORDING_2026} ("Opt out of AI training")',
                ),
            ),
        ),
    )
