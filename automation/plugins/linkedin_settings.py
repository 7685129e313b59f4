"""LinkedIn's data-privacy settings (AI training, research, cookies, visibility off
LinkedIn, Microsoft Word) and the order in which the plugin lists every setting.
"""

from __future__ import annotations

from automation.domain.settings import Confidence, Evidence, Setting, Switch, evidence

from .linkedin_ad_data import MORE_ADS
from .linkedin_ads import AD_SWITCHES
from .linkedin_sources import (
    AI_TRAINING_LABELS,
    HELP_AI,
    JAPANESE_REPORT,
    ORIGIN,
    SETTINGS,
    SOURCE,
    crawl,
    psst,
    recorded,
    seen,
    steps,
)

#: The Microsoft Word page's switch (Data privacy, "Microsoft Word").
WORD_SWITCH = "Show work experience in Word"
WORK_EXPERIENCE_IN_WORD = Setting(
    key="work_experience_in_word",
    label="Show work experience in Word",
    description=(
        "Lets Microsoft Word show the work experience descriptions from your profile in "
        "Resume Assistant, which offers them as content suggestions to people writing "
        "résumés."
    ),
    manual_steps=steps("Data privacy", "Microsoft Word", WORD_SWITCH),
    source=SOURCE,
    switch=Switch(SETTINGS + "use-linkedin-data-in-microsoft-word", names=(WORD_SWITCH,)),
    evidence=seen(
        3664,
        "Microsoft Word__On_..._use-linkedin-data-in-microsoft-word.png",
        WORD_SWITCH,
    ),
)

AI_TRAINING_SETTING = Setting(
    key="ai_training",
    label="Data for Generative AI Improvement",
    description=(
        "Lets LinkedIn and its affiliates use your profile, posts and other content "
        "to train AI models that generate content. It is on by default. Turning it off "
        "stops future use; it does not remove data already used for training."
    ),
    manual_steps=(
        "Sign in to LinkedIn.",
        'Click your profile picture ("Me") in the header, then "Settings & Privacy".',
        'Choose "Data privacy" in the left menu.',
        'Under "How LinkedIn uses your data", choose "Data for Generative AI Improvement".',
        'Switch "Use my data for training content creation AI models" off.',
    ),
    notes=(
        "Offered outside the EU/EEA, UK and Switzerland since 2024, and there too since "
        "3 November 2025. Some reports say it is not offered in Canada, Hong Kong or "
        "mainland China."
    ),
    source=f"{HELP_AI}; {SOURCE}",
    switch=Switch(
        path=SETTINGS + "data-for-ai-improvement",
        ids=("allowDataForGenerativeAI",),
        names=AI_TRAINING_LABELS,
    ),
    evidence=(
        *recorded(
            1,
            "allowDataForGenerativeAI",
            crawl(4762, "the page, signed in"),
            (
                Confidence.CONFIRMED,
                crawl(4762, '"Use my data for training content creation AI models"'),
            ),
            HELP_AI,
        ),
        Evidence(
            "label",
            Confidence.LIKELY,
            f"{JAPANESE_REPORT} (the Japanese wording, in a translated report)",
        ),
    ),
)

#: Research, cookies and visibility off LinkedIn.
OTHERS = (
    Setting(
        key="research",
        label="Social, economic and workplace research",
        description=(
            "Lets trusted third-party partners use data about you for social, "
            "economic and workplace research. On by default. A change applies to "
            "future research only."
        ),
        manual_steps=steps(
            "Data privacy", "Social, economic, and workplace research", "Use data for research"
        ),
        source=SOURCE,
        switch=Switch(
            SETTINGS + "policy-and-academic-research",
            ids=("allowAnonymizedDataResearch",),
            names=("Use data for research",),
        ),
        evidence=recorded(
            2,
            "allowAnonymizedDataResearch",
            crawl(3988, "the page, signed in"),
            (Confidence.CONFIRMED, crawl(3988, '"Use data for research"')),
        ),
    ),
    Setting(
        key="non_essential_cookies",
        label="Non-essential cookies",
        description=(
            "Lets LinkedIn and its partners use non-essential cookies (for advertising "
            "and analytics) when you use LinkedIn. On by default. Turning it off leaves "
            "only the cookies LinkedIn needs to work, from now on; cookies already in "
            "your browser stay until they expire or you clear them."
        ),
        manual_steps=(
            "Sign in to LinkedIn.",
            f'Open {ORIGIN}/mypreferences/d/member-cookies (a page of "Settings & Privacy").',
            "Switch the non-essential cookies off.",
        ),
        notes=(
            "One user report says public automation code failed to switch it once; a "
            "page that lacks the switch reads unknown."
        ),
        source=SOURCE,
        # The switch carries its own id, not an aria-labelledby one (PSST task 11).
        switch=Switch(
            "/mypreferences/d/member-cookies",
            ids=("nonEssentialCookieConsent",),
        ),
        evidence=evidence(
            page=(Confidence.CONFIRMED, psst(11)),
            control=(
                Confidence.LIKELY,
                f'{psst(11)}: input[role="switch"]#nonEssentialCookieConsent; a user '
                "report says the task failed once",
            ),
            label=(
                Confidence.LIKELY,
                f'{psst(11)} ("Disable all non-essential cookies"; the page\'s own '
                "words are not on record)",
            ),
        ),
    ),
    Setting(
        key="profile_visibility_partners",
        label="Profile visibility outside LinkedIn",
        description=(
            "Lets permitted services such as Outlook show information from your "
            "LinkedIn profile to their users. On by default. It does not change what "
            "search engines see of your public profile."
        ),
        manual_steps=steps(
            "Visibility",
            "Profile discovery and visibility off LinkedIn",
            "Profile visibility outside LinkedIn",
        ),
        notes="Its page is reached at two addresses; no id of its switch is on record.",
        source=SOURCE,
        switch=Switch(
            "/mypreferences/d/profile-visibility-for-partners",
            names=("Profile visibility outside LinkedIn",),
            fallbacks=(SETTINGS + "profile-visibility-for-partners",),
        ),
        evidence=evidence(
            page=(
                Confidence.CONFIRMED,
                f"{crawl(3970, 'the page at /mypreferences/d/profile-visibility-for-partners')}"
                f"; {crawl(5293, 'the same page at its settings address, from the menu')}",
            ),
            control=(
                Confidence.GUESS,
                "inferred: a switch named by its label, drawn like its neighbours' "
                "(input[role=switch]); the crawl's screenshot shows a toggle, its "
                "markup is not on record",
            ),
            label=(
                Confidence.CONFIRMED,
                crawl(
                    5293,
                    'switch "Profile visibility outside LinkedIn", menu "Profile '
                    'discovery and visibility off LinkedIn"',
                ),
            ),
        ),
    ),
)

#: Every setting, in the order the plugin lists them.
DECLARED: tuple[Setting, ...] = (
    AI_TRAINING_SETTING,
    OTHERS[0],
    *AD_SWITCHES,
    *OTHERS[1:],
    *MORE_ADS,
    WORK_EXPERIENCE_IN_WORD,
)
