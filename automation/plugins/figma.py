"""Figma: "Content training", an admin setting of a team or an organisation.

Figma's own help records the label, that it sits in the AI section of a team's or
organisation's admin settings beside "AI features", that only admins can change it,
and that it is on by default for the Starter and Professional plans. The page's
address is not on record (it is each team's own): the plugin uses a likely one, and
finds the switch by role and label. A member who is not an admin is expected to see
it disabled or not at all, which reads ``unavailable`` or ``unknown``, never a value.
A session is proved by ``__Host-figma.authn``, the cookie public automation of
figma.com signs in with.
"""

from __future__ import annotations

from automation.domain.settings import FOUND_BY_LABEL, Confidence, Setting, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://www.figma.com"
LABEL = "Content training"
# A guess: the admin settings, whose AI section holds the switch.
PATH = "/admin/settings"
#: Figma's help on the AI settings of a team or an organisation.
HELP = (
    "https://help.figma.com/hc/en-us/articles/17725942479127-"
    "Manage-AI-settings-and-content-training-for-your-team-or-organization"
)
#: Public automation of figma.com that signs in with this cookie.
SESSION = (
    "alexchantastic/figma-export@0e65de212eccd41875c171120987b81aea61269f:"
    "automations/auth.setup.ts:13"
)


class Figma(Plugin):
    """Figma's admin switch that lets it train AI on the team's files."""

    name = "figma"
    title = "Figma"
    default_origin = ORIGIN
    order = 86
    # Guesses: Figma's sign-in page; it also signs in with Google or single sign-on.
    login_paths = ("/login",)
    login_form = None
    session_cookies = ("__Host-figma.authn",)
    account_source = SESSION
    settings = (
        Setting(
            key="content_training",
            label="Content training (admins only; covers the team's files)",
            description=(
                "Lets Figma use the content of your team's or organisation's files to "
                "train its AI models. On by default for the Starter and Professional "
                "plans. Only an admin can change it, and it covers every file of the team "
                "or organisation, not only yours. Turning it off keeps the files out of "
                "training from then on; it does not take them out of models already "
                "trained."
            ),
            manual_steps=(
                "Sign in to Figma as an admin of the team or organisation.",
                "In the file browser, open the team's or organisation's admin settings "
                '(Professional: "Admin" in the left sidebar; Starter: the menu beside the '
                'team\'s name, then "View settings").',
                'Open the "Settings" tab and scroll to the "AI" section (on Starter, choose '
                '"Manage AI settings").',
                f'Switch "{LABEL}" off, not "AI features" beside it.',
                "If you are not an admin, ask one: members cannot change it.",
            ),
            notes=(
                "Admins only; it covers the whole team's or organisation's files. On by "
                "default for Starter and Professional. The page's address is a guess."
            ),
            source=HELP,
            switch=Switch(PATH, names=(LABEL,)),
            evidence=evidence(
                page=(
                    Confidence.GUESS,
                    "inferred: the address, each team's own. The page itself (the admin "
                    f'settings\' "Settings" tab, "AI" section) is on record: {HELP}',
                ),
                control=FOUND_BY_LABEL,
                label=(Confidence.CONFIRMED, f'"Content training", Figma\'s own help: {HELP}'),
            ),
        ),
    )
