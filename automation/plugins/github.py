"""GitHub: whether GitHub may use your Copilot data to train AI models.

GitHub's own help (``github/docs``, ``manage-policies.md``) says the setting "Allow
GitHub to use my data for AI model training" is a drop-down on the Copilot settings
(``/settings/copilot``; some links use ``/settings/copilot/features``), not a
checkbox: it is opened and "Disabled" chosen. It shows "Enabled" or "Disabled". The
same page holds other Copilot policies as drop-downs of their own ("Copilot access
to Bing" offers "Enabled" and "Disabled" too), so the drop-down must prove it is
this setting by its label; anything else reads ``unknown``. The drop-down's markup
is not on record: it may be a ``<select>`` or a button that opens a menu, and both
are handled. Hidden for Copilot Business and Enterprise seats.

Signed in is proved by GitHub's own session cookie (``user_session``, "used to log
you in" in GitHub's list of its cookies), never by the drop-down itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from automation.domain.settings import Confidence, Setting, State, Switch, evidence
from automation.plugin import Plugin

if TYPE_CHECKING:
    pass


ORIGIN = "https://github.com"
PATH = "/settings/copilot"
#: The same page at the address some of GitHub's links use.
FEATURES_PATH = "/settings/copilot/features"
#: The wordings on record, current first.
LABELS = ("Allow GitHub to use my data for AI model training",)
ENABLED = "Enabled"
DISABLED = "Disabled"
#: What the drop-down shows, and the state it means.
SHOWN = {ENABLED: State.ON, DISABLED: State.OFF}
#: What can be a drop-down: a native select, or a button that opens a menu.
DROPDOWNS = 'select, button[aria-haspopup], [role="combobox"]'
#: The choices of an opened drop-down menu.
CHOICES = '[role="menuitemradio"], [role="menuitem"], [role="option"]'
#: GitHub's help on these policies: the page people read, and its source.
HELP = "https://docs.github.com/en/copilot/how-tos/manage-your-account/manage-policies"
DOCS = (
    "github/docs@0460e4095b136e687f3647e7c2420427b90ae4dc:"
    "content/copilot/how-tos/manage-your-account/manage-policies.md"
)
#: How GitHub's help reaches the page: the profile picture's "Your Copilot".
REACHED = (
    "github/docs@1b80c9ad8ab0a16c40581853707ab657fb9b1c59:"
    "data/reusables/user-settings/copilot-settings.md"
)
#: A print of the real page (its sections and drop-downs with their values).
PRINT = "https://github.com/user-attachments/files/32107755/Copilot-settings.pdf"
#: GitHub's list of its cookies: ``user_session`` logs you in.
COOKIES = (
    "https://docs.github.com/en/site-policy/privacy-policies/github-cookies; "
    "github/docs@0460e4095b136e687f3647e7c2420427b90ae4dc:"
    "content/site-policy/privacy-policies/github-cookies.md"
)

SHOWN_VALUE = """
(el) => {
  if (el.tagName === 'SELECT') {
    const option = el.selectedOptions[0];
    return option ? option.textContent : '';
  }
  return el.innerText || el.textContent || '';
}
"""


class GitHub(Plugin):
    """GitHub's Copilot policy for AI model training on your data."""

    name = "github"
    title = "GitHub"
    default_origin = ORIGIN
    # GitHub's scripts and styles come from github.githubassets.com.
    asset_hosts = ("githubassets.com",)
    order = 85
    page_class = "automation.plugins.github_page:CopilotPolicyPage"
    # GitHub's sign-in page and its two-step and device-verification pages (from the
    # public site's addresses; the replica models the sign-in path only).
    login_paths = ("/login", "/session")
    checkpoint_paths = ("/sessions/two-factor", "/sessions/verified-device")
    # Many GitHub accounts meet a two-step check; sign-in is left to a person.
    login_form = None
    #: ``user_session`` logs you in; ``dotcom_user`` names the signed-in account.
    #: (``logged_in`` is left out: GitHub sets it to "no" for visitors too.)
    session_cookies = ("user_session", "dotcom_user")
    account_source = COOKIES
    settings = (
        Setting(
            key="copilot_training",
            label="Copilot: use my data for AI model training",
            description=(
                "Lets GitHub use your data from using Copilot (such as prompts, "
                "suggestions and code) to train AI models. On by default since 24 April "
                "2026 for Copilot Free, Pro and Pro+. Turn it off to keep your code and "
                "prompts out of training."
            ),
            manual_steps=(
                "Sign in to GitHub.",
                'Click your profile picture, then "Your Copilot" (or open '
                "github.com/settings/copilot).",
                'Open the drop-down "Allow GitHub to use my data for AI model training".',
                'Choose "Disabled".',
            ),
            notes=(
                "Applies to Copilot Free, Pro and Pro+; Business and Enterprise seats do "
                "not show it (their data is not used for training). A drop-down, not a "
                'checkbox: "Enabled" reads on, "Disabled" off. The same page\'s other '
                "Copilot policies are never changed."
            ),
            source=f"{HELP}; {DOCS}",
            switch=Switch(path=PATH, names=LABELS, role="drop-down", fallbacks=(FEATURES_PATH,)),
            evidence=evidence(
                page=(Confidence.LIKELY, f"{HELP}; {REACHED}; {PRINT}"),
                control=(
                    Confidence.LIKELY,
                    f'{HELP} (a drop-down: select it and click "Disabled"); {PRINT}',
                ),
                label=(Confidence.CONFIRMED, f"{DOCS}; {HELP}"),
            ),
        ),
    )
