"""LinkedIn's advertising-data switches that brave's automation records (each by its
id), and the two switches of LinkedIn's own promotions and partners' sharing.
"""

from __future__ import annotations

from automation.domain.settings import Confidence, Switch

from .linkedin_ad_data import ADS, DEMOGRAPHICS, PROMOTIONS
from .linkedin_sources import HELP_ADS, SETTINGS, crawl, recorded, steps

#: The advertising-data and promotions switches, in the order the plugin lists them.
AD_SWITCHES = (
    ADS(
        "ads_beyond_linkedin",
        "Ads off LinkedIn",
        "Lets LinkedIn use your data to show you personalised ads on other websites "
        "and apps, on every device. On by default. LinkedIn says a change can take "
        "up to 72 hours.",
        Switch(
            SETTINGS + "ads-beyond-linkedin",
            ids=("allowLinkedInAudienceNetwork",),
            names=("Ads off LinkedIn", "Ads Beyond LinkedIn", "Ads Outside of LinkedIn"),
        ),
        manual_steps=steps("Advertising data", "Ads off LinkedIn", "Ads off LinkedIn"),
        notes='Formerly called "Ads outside of LinkedIn" and "Ads beyond LinkedIn".',
        evidence=recorded(
            8,
            "allowLinkedInAudienceNetwork",
            crawl(3007, "the page, signed in"),
            (
                Confidence.CONFIRMED,
                crawl(
                    3007,
                    '"Ads off LinkedIn"; the page says it was formerly called "Ads '
                    'Outside of LinkedIn" and "Ads Beyond LinkedIn"',
                ),
            ),
            HELP_ADS,
        ),
    ),
    ADS(
        "ads_third_party_data",
        "Data from others for ads",
        "Lets LinkedIn use data it gets from others about you (your engagement with "
        "other services, what you gave its advertisers) to personalise your ads. On "
        "by default.",
        Switch(
            SETTINGS + "ads-interactions-with-business",
            ids=("allowUseOfThirdPartyData",),
            names=("Use data from others", "Interaction with businesses"),
        ),
        manual_steps=steps("Advertising data", "Data from others for ads", "Use data from others"),
        notes='Formerly called "Interaction with businesses".',
        evidence=recorded(
            9,
            "allowUseOfThirdPartyData",
            crawl(4213, "the page, signed in; its screenshot is named after the menu"),
            (
                Confidence.CONFIRMED,
                crawl(
                    4213,
                    'menu "Data from others for ads", switch "Use data from others"; '
                    'the page says it was formerly called "Interaction with businesses"',
                ),
            ),
        ),
    ),
    ADS(
        "ads_conversion_tracking",
        "Measure ad success",
        "Lets LinkedIn use what you did in response to ads in the aggregate reports "
        "it gives advertisers on how their ads performed (conversion tracking). On "
        "by default.",
        Switch(
            SETTINGS + "ads-related-actions",
            ids=("allowConversionTrackings",),
            names=("Use your data for evaluating ad success", "Ad-related actions"),
        ),
        manual_steps=steps(
            "Advertising data", "Measure ad success", "Use your data for evaluating ad success"
        ),
        notes='Formerly called "Ad-related actions".',
        evidence=recorded(
            10,
            "allowConversionTrackings",
            crawl(3574, "the page, signed in; its screenshot is named after the menu"),
            (
                Confidence.CONFIRMED,
                crawl(
                    3574,
                    'menu "Measure ad success", switch "Use your data for evaluating '
                    'ad success"; the page says it was formerly called "Ad-related '
                    'actions"',
                ),
            ),
        ),
    ),
    ADS(
        "ads_inferred_location",
        "Inferred city location",
        "Uses the city LinkedIn infers from your IP address to personalise ads. On by default.",
        Switch(
            SETTINGS + "ads-inferred-location",
            ids=("allowIpToPersonalizeAds",),
            names=("Use Inferred city location",),
        ),
        manual_steps=steps(
            "Advertising data", "Inferred city location", "Use Inferred city location"
        ),
        evidence=recorded(
            12,
            "allowIpToPersonalizeAds",
            crawl(4393, "the page, signed in"),
            (Confidence.CONFIRMED, crawl(4393, '"Use Inferred city location"')),
        ),
    ),
    ADS(
        "ads_age",
        "Age range",
        "Uses your age range, from your profile or as LinkedIn infers it, to choose "
        "your ads. On by default.",
        # Some accounts are shown one page for age and gender together; each
        # switch there is found by its own words (no id is on record for it).
        Switch(
            SETTINGS + "ads-by-age",
            ids=("allowAdsByAge",),
            names=("Use your age range for ads", "Use your age for ads"),
            fallbacks=(DEMOGRAPHICS,),
        ),
        manual_steps=steps("Advertising data", "Age range", "Use your age range for ads"),
        notes=(
            'Some accounts see it on a "Demographics" page with the gender switch, '
            'worded "Use your age for ads".'
        ),
        evidence=recorded(
            6,
            "allowAdsByAge",
            crawl(3016, "the Age range page, signed in"),
            (
                Confidence.CONFIRMED,
                crawl(3016, 'menu "Age range", switch "Use your age range for ads"')
                + "; "
                + crawl(2818, 'the combined page: "Use your age for ads"'),
            ),
            crawl(2818, f"the combined page {DEMOGRAPHICS}, signed in"),
        ),
    ),
    ADS(
        "ads_gender",
        "Gender",
        "Uses your gender, from your profile or as LinkedIn infers it, to choose "
        "your ads. On by default.",
        Switch(
            SETTINGS + "ads-by-gender",
            ids=("allowAdsByGender",),
            names=("Use your gender for ads",),
            fallbacks=(DEMOGRAPHICS,),
        ),
        manual_steps=steps("Advertising data", "Gender", "Use your gender for ads"),
        notes='Some accounts see it on a "Demographics" page with the age switch.',
        evidence=recorded(
            7,
            "allowAdsByGender",
            crawl(2917, "the Gender page, signed in"),
            (
                Confidence.CONFIRMED,
                crawl(2917, '"Use your gender for ads"')
                + "; "
                + crawl(2827, "the same words on the combined page"),
            ),
            crawl(2827, f"the combined page {DEMOGRAPHICS}, signed in"),
        ),
    ),
    ADS(
        "ads_interests",
        "Interests and traits",
        "Uses the interests and traits LinkedIn derives from your profile and "
        "activity to choose your ads. On by default.",
        Switch(
            "/mypreferences/d/interest-categories",
            ids=("adsPrivacyAllowInterestsAndBehaviors",),
            names=("Interests and traits",),
        ),
        manual_steps=steps("Advertising data", "Interests and traits", "Interests and traits"),
        evidence=recorded(
            13,
            "adsPrivacyAllowInterestsAndBehaviors",
            crawl(3898, "the page, signed in"),
            (Confidence.CONFIRMED, crawl(3898, '"Interests and traits"')),
        ),
    ),
    ADS(
        "marketing_ads",
        "Personalized promotions of LinkedIn products",
        "Lets LinkedIn use your activity and profile to personalise how it promotes "
        "its own products to you, on and off LinkedIn. On by default. Turned off, "
        "you may still see its promotions, not personalised. The promotional emails "
        "on the same page are a separate switch.",
        Switch(
            PROMOTIONS,
            ids=("allowProfileAndActivityDataForMarketingAds",),
            names=("Personalized promotions of LinkedIn products",),
        ),
        manual_steps=steps(
            "Data privacy",
            "LinkedIn promotions",
            "Personalized promotions of LinkedIn products",
        ),
        evidence=recorded(
            3,
            "allowProfileAndActivityDataForMarketingAds",
            crawl(5473, "the LinkedIn promotions page, signed in"),
            (
                Confidence.CONFIRMED,
                crawl(5473, '"Personalized promotions of LinkedIn products"'),
            ),
        ),
        notes="It shares the LinkedIn promotions page with the promotional-emails switch.",
    ),
    ADS(
        "marketing_emails",
        "LinkedIn promotional emails",
        "Lets LinkedIn send you promotional emails about its own products, based on "
        "your activity and profile. On by default. Turning it off stops these "
        "emails only: LinkedIn's other emails (about your account, messages, "
        "notifications) are set elsewhere.",
        Switch(
            PROMOTIONS,
            ids=("tipsForUsingLinkedinViaEmail",),
            names=("LinkedIn promotional emails",),
        ),
        manual_steps=steps("Data privacy", "LinkedIn promotions", "LinkedIn promotional emails"),
        evidence=recorded(
            4,
            "tipsForUsingLinkedinViaEmail",
            crawl(5482, "the LinkedIn promotions page, signed in"),
            (Confidence.CONFIRMED, crawl(5482, '"LinkedIn promotional emails"')),
        ),
        notes="It shares the LinkedIn promotions page with the personalized-promotions switch.",
    ),
    ADS(
        "share_with_partners",
        "Data sharing with affiliates and select partners",
        "Lets LinkedIn share your data with its affiliates, who use it to "
        "personalise the ads they show you, and with select partners, who use it to "
        "show you LinkedIn's marketing. On by default. Turning it off stops further "
        "sharing; it does not take back what was already shared.",
        Switch(
            SETTINGS + "share-data-with-select-partners",
            ids=("shareDataWithTrustedPartners",),
            names=("Data sharing with our affiliates and select partners",),
        ),
        manual_steps=steps(
            "Advertising data",
            "Share data with affiliates and partners",
            "Data sharing with our affiliates and select partners",
        ),
        evidence=recorded(
            5,
            "shareDataWithTrustedPartners",
            crawl(2836, "the page, signed in"),
            (
                Confidence.CONFIRMED,
                crawl(2836, '"Data sharing with our affiliates and select partners"'),
            ),
        ),
    ),
)
