"""Every settings page of the LinkedIn replica, each with the public record it follows."""

from __future__ import annotations

from .linkedin_pages import (
    APPLIES_OFF_LINKEDIN,
    CATEGORIES,
    LESS_TAILORED,
    PREFIX,
    LinkedInPage,
    ads_page,
    box_pages,
    learn,
    visibility_page,
)
from .switchsite import Control, SettingsPage

#: The pages, in the order the site serves them.
PAGES: tuple[SettingsPage, ...] = (
    # CRAWL line 4762; SHOTS "Data for Generative AI Improvement__On_..."; PSST task 1.
    LinkedInPage(
        "ai_training",
        PREFIX + "data-for-ai-improvement",
        "Data for Generative AI Improvement",
        Control(
            "Use my data for training content creation AI models",
            labelledby="allowDataForGenerativeAI",
        ),
        "Can LinkedIn and its affiliates use your personal data and content you create on "
        "LinkedIn to train generative AI models that create content?",
        section="privacy",
        menu="Data for Generative AI Improvement",
        notes=(
            "<p>When it is on, LinkedIn and its affiliates may train models that generate "
            "content with your data and content; private messages are left out. "
            f"{learn('a6278444')}</p>",
        ),
    ),
    # CRAWL line 3988; SHOTS "Social, economic, and workplace research__On_..."; PSST
    # task 2. The card's heading differs from the menu's words.
    LinkedInPage(
        "research",
        PREFIX + "policy-and-academic-research",
        "Data research",
        Control("Use data for research", labelledby="allowAnonymizedDataResearch"),
        "Can we enable trusted third-party partners to use data about you for social, "
        "economic, and workplace research?",
        section="privacy",
        menu="Social, economic, and workplace research",
        notes=("<p>A change takes up to a day and applies to future research projects only.</p>",),
    ),
    # CRAWL line 3007; SHOTS "Ads off LinkedIn__On_..."; PSST task 8.
    ads_page(
        "ads_beyond_linkedin",
        "ads-beyond-linkedin",
        "Ads off LinkedIn",
        "Can we show you personalized ads off of LinkedIn?",
        "Ads off LinkedIn",
        "allowLinkedInAudienceNetwork",
        '<p>This setting was formerly called "Ads Outside of LinkedIn" and "Ads Beyond '
        'LinkedIn."</p>',
        "<p>These ads show on all your devices, signed in or not; a change can take up to "
        f"72 hours. {learn()}</p>",
    ),
    # CRAWL line 4213; SHOTS "Data from others for ads__On_..."; PSST task 9.
    ads_page(
        "ads_third_party_data",
        "ads-interactions-with-business",
        "Data from others for ads",
        "Can we use data about you that we get from others to show you more personalized ads?",
        "Use data from others",
        "allowUseOfThirdPartyData",
        '<p>This setting was formerly called "Interaction with businesses."</p>',
        f"<p>This data is not used to infer interests and traits about you. {learn()}</p>",
    ),
    # CRAWL line 3574; SHOTS "Measure ad success__On_..."; PSST task 10.
    ads_page(
        "ads_conversion_tracking",
        "ads-related-actions",
        "Measure ad success",
        "Can we use data about actions you took in response to ads to give advertisers "
        "aggregate reports about how their ads performed?",
        "Use your data for evaluating ad success",
        "allowConversionTrackings",
        '<p>This setting was formerly called "Ad-related actions."</p>',
        f"<p>Advertisers' reports hold aggregate data only. {learn()}</p>",
    ),
    # CRAWL line 4393; SHOTS "Inferred city location__On_..."; PSST task 12.
    ads_page(
        "ads_inferred_location",
        "ads-inferred-location",
        "Inferred city location",
        "We may infer your city from your IP address. Can we use that data to show you "
        "personalized ads on LinkedIn?",
        "Use Inferred city location",
        "allowIpToPersonalizeAds",
        "<p>Unless you opt out, your <strong>Profile location</strong> is used too.</p>",
        APPLIES_OFF_LINKEDIN,
    ),
    # CRAWL line 3016; SHOTS "Age range__On_..."; PSST task 6.
    ads_page(
        "ads_age",
        "ads-by-age",
        "Age range",
        "Can we use your age range (from your profile or inferred) to show you more "
        "tailored ads on LinkedIn?",
        "Use your age range for ads",
        "allowAdsByAge",
        f"<p>We may infer your age from your profile. {learn()}</p>",
        APPLIES_OFF_LINKEDIN,
    ),
    # CRAWL line 2917; SHOTS "Gender__On_..."; PSST task 7.
    ads_page(
        "ads_gender",
        "ads-by-gender",
        "Gender",
        "Can we use your gender (from your profile or inferred) to show you more "
        "tailored ads on LinkedIn?",
        "Use your gender for ads",
        "allowAdsByGender",
        f"<p>We may infer your gender from your profile. {learn()}</p>",
        APPLIES_OFF_LINKEDIN,
    ),
    # CRAWL lines 2818 and 2827; SHOTS "Settings_..._ads-demographics.png": one page,
    # two switches, each under its own question; no menu entry leads there and no
    # id is on record, so each label is tied by an id of the replica's own.
    LinkedInPage(
        "ads_age",
        PREFIX + "ads-demographics",
        "Demographics",
        Control("Use your age for ads"),
        "Can we use your age to show you relevant ads?",
        section="ads",
    ),
    LinkedInPage(
        "ads_gender",
        PREFIX + "ads-demographics",
        "Demographics",
        Control("Use your gender for ads"),
        "Can we use your gender to show you relevant ads?",
        section="ads",
        notes=(
            "<p>Turned off, you see as many ads, maybe less relevant; a change can take up "
            "to 72 hours.</p>",
        ),
    ),
    # CRAWL line 3898; SHOTS "Interests and traits_..."; PSST task 13.
    LinkedInPage(
        "ads_interests",
        "/mypreferences/d/interest-categories",
        "Interests and traits",
        Control("Interests and traits", labelledby="adsPrivacyAllowInterestsAndBehaviors"),
        "Can we use interests and traits we derived from your LinkedIn profile and activity "
        "to show you more tailored ads on LinkedIn?",
        section="ads",
        menu="Interests and traits",
        notes=(
            "<p>No interests or traits are associated with your profile yet.</p>",
            APPLIES_OFF_LINKEDIN,
        ),
    ),
    # CRAWL lines 5473 and 5482; SHOTS "LinkedIn promotions_..."; PSST tasks 3 and 4:
    # two switches, each under its own question.
    LinkedInPage(
        "marketing_ads",
        PREFIX + "linkedin-promotions",
        "LinkedIn promotions",
        Control(
            "Personalized promotions of LinkedIn products",
            labelledby="allowProfileAndActivityDataForMarketingAds",
        ),
        "Can LinkedIn personalize how it promotes LinkedIn's own products to you on and off "
        "LinkedIn, based on your LinkedIn activity and profile?",
        section="privacy",
        menu="LinkedIn promotions",
        notes=(
            "<p>Turned off, you may still see LinkedIn promotions, not personalized. "
            f"{learn()} Ads from advertisers are set in "
            f'<a href="{CATEGORIES}ads">Advertising data</a>.</p>',
        ),
    ),
    LinkedInPage(
        "marketing_emails",
        PREFIX + "linkedin-promotions",
        "LinkedIn promotions",
        Control("LinkedIn promotional emails", labelledby="tipsForUsingLinkedinViaEmail"),
        "Can LinkedIn send you promotional emails to help you maximize the benefits of "
        "LinkedIn's products, based on your LinkedIn activity and profile?",
        section="privacy",
    ),
    # CRAWL line 2836; SHOTS "Share data with affiliates and partners__On_..."; PSST task 5.
    ads_page(
        "share_with_partners",
        "share-data-with-select-partners",
        "Share data with affiliates and partners",
        "Can we share your data with our affiliates and select partners for advertising "
        "off LinkedIn?",
        "Data sharing with our affiliates and select partners",
        "shareDataWithTrustedPartners",
        "<p>Turned off, you still see their ads, not personalized with your LinkedIn data. "
        f"{learn()}</p>",
    ),
    # PSST task 11: the switch carries its own id rather than an aria-labelledby one,
    # its label tied by a plain one. The crawl holds no such page: its heading,
    # question and label are the replica's own words.
    LinkedInPage(
        "non_essential_cookies",
        "/mypreferences/d/member-cookies",
        "Cookie preferences",
        Control("Non-essential cookies", own_id="nonEssentialCookieConsent"),
        "Can LinkedIn and its partners use non-essential cookies when you use LinkedIn?",
        section="privacy",
    ),
    # The advertising-data pages no automation records: their words from the crawl,
    # their layout from the screenshots; no id is on record, so each label is tied
    # by an id of the replica's own. CRAWL line 5554; SHOTS "Profile location__On_...".
    ads_page(
        "ads_profile_location",
        "ads-location",
        "Profile location",
        "Can we use the postal code and city you enter in your profile to show you more "
        "tailored ads on LinkedIn? If you turn this off, you may still see ads based on "
        "your country or continent.",
        "Use postal code and city you enter in your profile",
        "",
        "<p>Unless you opt out, we may also use your <strong>Inferred city location</strong>"
        " to personalize ads.</p>",
        "<p>We don't collect or use any location data more precise than postal code and "
        "city for advertising.</p>",
        APPLIES_OFF_LINKEDIN,
        LESS_TAILORED,
    ),
    # CRAWL line 4159; SHOTS "Connections__On_...".
    ads_page(
        "ads_connections",
        "ads-connections",
        "Connections",
        "Can we use information from your 1st-degree connections to show you more "
        "tailored ads on LinkedIn?",
        "Use connections data",
        "",
        APPLIES_OFF_LINKEDIN,
        LESS_TAILORED,
    ),
    # CRAWL line 5401; SHOTS "Companies you follow__On_...".
    ads_page(
        "ads_companies_followed",
        "ads-companies-followed",
        "Companies you follow",
        "Can we use the list of companies you follow to show you more tailored ads on LinkedIn?",
        "Use followed companies data",
        "",
        APPLIES_OFF_LINKEDIN,
        LESS_TAILORED,
    ),
    # CRAWL line 3844; SHOTS "Groups__On_...".
    ads_page(
        "ads_groups",
        "ads-based-on-groups",
        "Groups",
        "Can we use the groups you've joined to show you more tailored ads on LinkedIn?",
        "Use groups data",
        "",
        APPLIES_OFF_LINKEDIN,
        LESS_TAILORED,
    ),
    # CRAWL line 3655; SHOTS "Customized display format__On_...".
    ads_page(
        "ads_customized_display",
        "ads-personalization",
        "Customized display format",
        "Can we use your profile information (such as your photo, name, and company) to "
        "display ads to you on LinkedIn in a customized format? Ads formatted to display "
        "your profile information are visible only to you.",
        "Use profile data for customized display",
        "",
        "<p>Changes typically take up to 72 hours to take effect.</p>",
    ),
    # CRAWL lines 3709 to 3745; SHOTS "Education and skills__Schools & 4 more_...".
    *box_pages(
        "ads-education",
        "Education and skills",
        "What educational information can we use to show you more tailored ads on LinkedIn?",
        (
            ("ads_schools", "Schools"),
            ("ads_fields_of_study", "Field of study"),
            ("ads_degrees", "Degrees"),
            ("ads_skills", "Skills"),
            ("ads_graduation_year", "Last graduation year"),
        ),
    ),
    # CRAWL lines 3808 and 3817; SHOTS "Employer__Current company & 1 more_...".
    *box_pages(
        "ads-employer",
        "Employer",
        "What employer history can we use to show you more tailored ads on LinkedIn?",
        (("ads_current_company", "Current company"), ("ads_past_companies", "Past companies")),
    ),
    # CRAWL lines 4870 and 4879; SHOTS "Job information__Current job & 1 more_...".
    *box_pages(
        "ads-job-information",
        "Job information",
        "What job information can we use to show you more tailored ads on LinkedIn?",
        (("ads_current_job", "Current job"), ("ads_past_jobs", "Past jobs")),
    ),
    # CRAWL line 3664; SHOTS "Microsoft Word__On_...": under Data privacy, the card's
    # heading differs from the menu's words.
    LinkedInPage(
        "work_experience_in_word",
        PREFIX + "use-linkedin-data-in-microsoft-word",
        "Show work experience",
        Control("Show work experience in Word"),
        "Should we allow Microsoft Word to display your work experience descriptions from "
        "your profile in Resume Assistant?",
        section="privacy",
        menu="Microsoft Word",
        notes=(
            "<p>This feature helps you to create effective resumes by providing you "
            f"content suggestions to include in your resume. {learn()}</p>",
        ),
    ),
    visibility_page("/mypreferences/d/profile-visibility-for-partners", None),
    visibility_page(
        PREFIX + "profile-visibility-for-partners",
        "Profile discovery and visibility off LinkedIn",
    ),
)
