"""LinkedIn's advertising-data pages that the crawl holds and no automation records:
one switch each, or one checkbox per kind of profile data, each a setting of its own.
"""

from __future__ import annotations

from automation.domain.settings import Setting, Switch
from automation.domain.toggles import Toggles

from .linkedin_sources import SETTINGS, SOURCE, seen, steps

PROMOTIONS = SETTINGS + "linkedin-promotions"
#: One page that holds both the age and the gender switch, beside their own pages.
DEMOGRAPHICS = SETTINGS + "ads-demographics"

#: The advertising-data pages: one switch each, on a page named like the setting.
ADS = Toggles(source=SOURCE)
#: The advertising-data pages that hold one checkbox per kind of profile data.
EDUCATION = SETTINGS + "ads-education"
EMPLOYER = SETTINGS + "ads-employer"
JOB_INFORMATION = SETTINGS + "ads-job-information"
#: The note every advertising-data page of this kind carries.
ADS_NOTE = (
    'Where "Ads off LinkedIn" is on, it applies to ads off LinkedIn too. Turned off, '
    "ads may be less tailored, not fewer; a change can take up to 72 hours."
)


def _ad_switch(
    key: str,
    label: str,
    what: str,
    slug: str,
    words: str,
    line: int,
    shot: str,
) -> Setting:
    """An advertising-data page with one switch, no id of which is on record."""
    return ADS(
        key,
        label,
        f"Uses {what} to choose the ads LinkedIn shows you.",
        Switch(SETTINGS + slug, names=(words,)),
        manual_steps=steps("Advertising data", label, words),
        notes=ADS_NOTE,
        evidence=seen(line, shot, words),
    )


def _ad_box(
    key: str,
    page: str,
    menu: str,
    words: str,
    what: str,
    line: int,
    shot: str,
) -> Setting:
    """One checkbox of an advertising-data page that holds several, each a setting."""
    return ADS(
        key,
        f"{menu}: {words}",
        f"Uses {what} from your profile to choose the ads LinkedIn shows you. "
        f'One of the boxes on the "{menu}" page; the others are settings of '
        "their own.",
        Switch(page, names=(words,), role="checkbox"),
        manual_steps=steps("Advertising data", menu, words, box=True),
        notes=ADS_NOTE,
        evidence=seen(line, shot, words, "checkbox"),
    )


#: The screenshots of the checkbox pages (menu entry, the boxes as the menu sums them up).
EDUCATION_SHOT = "Education and skills__Schools & 4 more_..._ads-education.png"
EMPLOYER_SHOT = "Employer__Current company & 1 more_..._ads-employer.png"
JOB_SHOT = "Job information__Current job & 1 more_..._ads-job-information.png"

#: The advertising-data settings whose pages the crawl holds and no automation records.
MORE_ADS = (
    _ad_switch(
        "ads_profile_location",
        "Profile location",
        "the postal code and city you enter in your profile",
        "ads-location",
        "Use postal code and city you enter in your profile",
        5554,
        "Profile location__On_..._ads-location.png",
    ),
    _ad_switch(
        "ads_connections",
        "Connections",
        "information from your 1st-degree connections",
        "ads-connections",
        "Use connections data",
        4159,
        "Connections__On_..._ads-connections.png",
    ),
    _ad_switch(
        "ads_companies_followed",
        "Companies you follow",
        "the list of companies you follow",
        "ads-companies-followed",
        "Use followed companies data",
        5401,
        "Companies you follow__On_..._ads-companies-followed.png",
    ),
    _ad_switch(
        "ads_groups",
        "Groups",
        "the groups you joined",
        "ads-based-on-groups",
        "Use groups data",
        3844,
        "Groups__On_..._ads-based-on-groups.png",
    ),
    ADS(
        "ads_customized_display",
        "Customized display format",
        "Lets LinkedIn show you ads laid out with your profile information (your photo, "
        "name and company). Only you see such ads. A change can take up to 72 hours.",
        Switch(
            SETTINGS + "ads-personalization", names=("Use profile data for customized display",)
        ),
        manual_steps=steps(
            "Advertising data",
            "Customized display format",
            "Use profile data for customized display",
        ),
        evidence=seen(
            3655,
            "Customized display format__On_..._ads-personalization.png",
            "Use profile data for customized display",
        ),
    ),
    _ad_box(
        "ads_schools",
        EDUCATION,
        "Education and skills",
        "Schools",
        "the schools",
        3709,
        EDUCATION_SHOT,
    ),
    _ad_box(
        "ads_fields_of_study",
        EDUCATION,
        "Education and skills",
        "Field of study",
        "your fields of study",
        3718,
        EDUCATION_SHOT,
    ),
    _ad_box(
        "ads_degrees",
        EDUCATION,
        "Education and skills",
        "Degrees",
        "your degrees",
        3727,
        EDUCATION_SHOT,
    ),
    _ad_box(
        "ads_skills",
        EDUCATION,
        "Education and skills",
        "Skills",
        "the skills",
        3736,
        EDUCATION_SHOT,
    ),
    _ad_box(
        "ads_graduation_year",
        EDUCATION,
        "Education and skills",
        "Last graduation year",
        "your last graduation year",
        3745,
        EDUCATION_SHOT,
    ),
    _ad_box(
        "ads_current_company",
        EMPLOYER,
        "Employer",
        "Current company",
        "your current company",
        3808,
        EMPLOYER_SHOT,
    ),
    _ad_box(
        "ads_past_companies",
        EMPLOYER,
        "Employer",
        "Past companies",
        "your past companies",
        3817,
        EMPLOYER_SHOT,
    ),
    _ad_box(
        "ads_current_job",
        JOB_INFORMATION,
        "Job information",
        "Current job",
        "your current job",
        4870,
        JOB_SHOT,
    ),
    _ad_box(
        "ads_past_jobs",
        JOB_INFORMATION,
        "Job information",
        "Past jobs",
        "your past jobs",
        4879,
        JOB_SHOT,
    ),
)
