"""LinkedIn: the AI-training switch first, then research, advertising data, LinkedIn's
own promotions, sharing with partners, cookies and profile visibility off LinkedIn.

Every fact names a public address (see :data:`PSST`, :data:`CRAWL` and LinkedIn's
help pages). The settings pages live under ``/mypreferences/d/settings/``; brave's
automation records each switch as an ``input[role="switch"]`` whose
``aria-labelledby`` names the setting (``allowDataForGenerativeAI`` for AI
training). That id is part of the page's code, so it is the same in every
interface language; the label is translated. A crawl of a signed-in account's
settings pages records each switch's words as the page shows them; each switch is
found by its id first and by those words (current first, then a former wording
the page itself names) when the id changes. Where no id is on record (profile
visibility off LinkedIn, the combined demographics page, the other advertising-data
pages and the Microsoft Word page), the words alone find it.
The promotions and demographics pages hold two switches each: each is found by
its own id or words, never as "the switch on the page". The cookies page's switch
carries its id on itself (``#nonEssentialCookieConsent``) instead of in
``aria-labelledby``. Three advertising-data pages hold checkboxes instead of a
switch, one per kind of profile data (schools, degrees, past jobs...): each box is
a setting of its own, found by its own words.
"""

from __future__ import annotations

from typing import ClassVar

from automation.domain.settings import Setting
from automation.domain.walls import CodeForm, LoginForm
from automation.plugin import Plugin

from .linkedin_settings import DECLARED
from .linkedin_sources import CRAWL, ORIGIN, PSST, SOURCE, in_japanese

__all__ = ["AI_TRAINING", "CRAWL", "ORIGIN", "PSST", "SOURCE", "LinkedIn"]


class LinkedIn(Plugin):
    """LinkedIn's data-privacy and advertising-data settings."""

    name = "linkedin"
    title = "LinkedIn"
    default_origin = ORIGIN
    # LinkedIn's scripts and styles come from static.licdn.com.
    asset_hosts = ("licdn.com",)
    order = 0
    login_paths = ("/login", "/uas/login", "/authwall", "/signup")
    checkpoint_paths = ("/checkpoint/", "/challenge/")
    # LinkedIn's session cookie, held only by a signed-in browser.
    session_cookies = ("li_at",)
    account_source = (
        "https://www.linkedin.com/legal/l/cookie-table (li_at: used to authenticate "
        "members); joeyism/linkedin_scraper@3ede96ef27e69f29ab6fd9e976f32ef574b62dc2:"
        "linkedin_scraper/core/auth.py:204 (signs in by setting li_at)"
    )
    login_form = LoginForm(
        path="/login",
        username="#username",
        password="#password",
        submit='button[type="submit"]',
    )
    # The emailed-PIN step of a sign-in check: public automation code records its
    # field as input[name="pin"] (id input__email_verification_pin).
    code_form = CodeForm(
        field='input[name="pin"]',
        submit='form:has(input[name="pin"]) button[type="submit"]',
    )
    settings: ClassVar[tuple[Setting, ...]] = tuple(in_japanese(setting) for setting in DECLARED)


#: The setting as the plugin holds it (its platform and address filled in).
AI_TRAINING = LinkedIn.setting("ai_training")
