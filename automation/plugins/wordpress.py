"""WordPress.com: "Prevent third-party sharing", a checkbox each site has of its own.

The meaning is inverted: ticked prevents WordPress.com from sharing the site's
content with its partners, those that train AI models among them; unticked (the
default) allows it. So the recommended state is ON (ticked).

WordPress.com's own code shows the page: a site's
``/sites/<site>/settings/site-visibility`` holds one form with the visibility choice,
"Discourage search engines from indexing this site", then "Prevent third-party
sharing for this site", and a "Save" button; nothing is kept until Save is pressed,
and ticking "Discourage search engines" ticks and locks the sharing box (read then as
locked, not as a choice). The classic settings page, ``/settings/general/<site>``,
has the same box as ``wpcom_data_sharing_opt_out``, labelled "Prevent third-party
sharing for <site>" and kept by "Save settings"; it is tried second.
"""

from __future__ import annotations

from automation.domain.settings import Confidence, Discovery, Setting, State, Switch, evidence
from automation.plugin import Plugin

ORIGIN = "https://wordpress.com"
#: WordPress.com's own form for a site's visibility and sharing.
FORM = (
    "Automattic/wp-calypso@551fd75140476023d8a122d0a746a1784a4336ec:"
    "client/dashboard/sites/settings-site-visibility/privacy-form.tsx"
)
HELP = (
    "https://wordpress.com/support/privacy-settings/make-your-website-public/"
    "#prevent-third-party-sharing"
)
#: The classic form's own id for the box, in WordPress.com's settings code.
CLASSIC_ID = "wpcom_site_visibility_data_sharing_opt_out"
LABEL = "Prevent third-party sharing for this site"
SITE_PATH = "/sites/{name}/settings/site-visibility"
CLASSIC_PATH = "/settings/general/{name}"
SITE_LIST = Discovery(
    path="/sites",
    link='a[href^="/sites/"], a[href^="/settings/general/"]',
    pattern=r"^/(?:sites|settings/general)/(?P<name>[A-Za-z0-9.-]+)(?:/|$)",
    noun="site",
)


class WordPress(Plugin):
    """WordPress.com's per-site checkbox that prevents sharing data with third parties."""

    name = "wordpress"
    title = "WordPress.com"
    default_origin = ORIGIN
    # WordPress.com's scripts and styles come from wp.com hosts (s0.wp.com).
    asset_hosts = ("wp.com",)
    order = 71
    # Guesses: WordPress.com's sign-in page.
    login_paths = ("/log-in",)
    login_form = None
    session_cookies = ("wordpress_logged_in",)
    account_source = (
        "CookieCadger/CookieCadger@8935cb1c1da1f069e97d09966e0ee075e94c7ebf:plugins/wordpress.js"
    )
    settings = (
        Setting(
            key="third_party_sharing",
            label="Prevent third-party sharing",
            description=(
                "Mind the inverted meaning: ON (ticked) stops WordPress.com from sharing "
                "this site's content with its network of content and research partners, "
                "including those that train AI models; OFF, the default, lets it share. "
                "Recommended: ON. Each of your sites has its own box."
            ),
            recommended=State.ON,
            manual_steps=(
                "Sign in to WordPress.com.",
                "Choose the site, then Settings, then Site visibility (or Settings, "
                "General, Privacy on the classic page).",
                f'Tick "{LABEL}".',
                'Press "Save", and repeat for each of your sites.',
            ),
            notes=(
                "Inverted: ticked prevents sharing, so ON is recommended. Nothing is kept "
                'until "Save" is pressed. A site that discourages search engines has the '
                "box ticked and locked. Kept per site: a site you add later starts with "
                "sharing allowed."
            ),
            source=FORM,
            switch=Switch(
                path=SITE_PATH,
                names=(LABEL, "Prevent third-party sharing for {name}"),
                ids=(CLASSIC_ID,),
                role="checkbox",
                submit=("Save", "Save settings"),
                fallbacks=(CLASSIC_PATH,),
            ),
            per=SITE_LIST,
            evidence=evidence(
                page=(
                    Confidence.CONFIRMED,
                    f"{FORM} (the form of /sites/<site>/settings/site-visibility); {HELP}",
                ),
                control=(
                    Confidence.CONFIRMED,
                    f"{FORM}: a CheckboxControl kept by the form's Save button; the "
                    f"classic form's box is #{CLASSIC_ID} (the settings code that links {HELP})",
                ),
                label=(
                    Confidence.CONFIRMED,
                    f"{FORM}: 'Prevent third-party sharing for this site'",
                ),
            ),
        ),
    )
