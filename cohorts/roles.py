"""The staff roles, as Wagtail groups. Used by the migration that creates them and by the tests.

Rules, in plain words:
- "Administrateurs programme" run the programme: every record, every page, images, documents, settings.
- "Communication" write and publish the public pages, read the candidates they write about and their consents.
- "Coachs" read the record of their own candidate, and follow that candidate's applications.
"""

PROGRAMME_ADMINS = "Administrateurs programme"
COMMUNICATION = "Communication"
COACHES = "Coachs"

_ALL = ("add", "change", "delete", "view")
PROGRAMME_MODELS = {
    "cohorts": ("cohort", "candidate", "coach", "pair", "consentrecord", "contactrequest", "application"),
    "snippets": (
        "city", "sector", "contracttype", "referringorganisation", "partnercompany", "offer", "inclusiverule",
    ),
}

# Model permissions per group: (app_label, codename).
MODEL_PERMISSIONS = {
    PROGRAMME_ADMINS: [("wagtailadmin", "access_admin"), ("pages", "change_programmesettings")]
    + [(app, f"{action}_{model}") for app, models in PROGRAMME_MODELS.items() for model in models for action in _ALL]
    + [("cohorts", "import_cohort"), ("cohorts", "import_offers")]
    # They validate offers (the "Validation des offres" workflow publishes what they approve).
    + [("snippets", "publish_offer"), ("snippets", "lock_offer"), ("snippets", "unlock_offer")],
    COMMUNICATION: [
        ("wagtailadmin", "access_admin"),
        ("cohorts", "view_candidate"),
        ("cohorts", "view_cohort"),
        # They check that a story may be published (and its photo shown); contact requests are not theirs.
        ("cohorts", "view_consentrecord"),
    ],
    # Coaches follow their own candidate's applications (cohorts/perms.py keeps them to that candidate).
    COACHES: [
        ("wagtailadmin", "access_admin"),
        ("cohorts", "view_candidate"),
        ("cohorts", "view_application"),
        ("cohorts", "change_application"),
    ],
}

# Permissions on the whole page tree (granted on the root page).
PAGE_PERMISSIONS = {
    PROGRAMME_ADMINS: ("add_page", "change_page", "publish_page", "delete_page", "lock_page", "unlock_page"),
    COMMUNICATION: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    COACHES: (),
}

# Permissions on the root collection of images and documents.
COLLECTION_PERMISSIONS = {
    PROGRAMME_ADMINS: [
        ("wagtailimages", "add_image"), ("wagtailimages", "change_image"), ("wagtailimages", "delete_image"),
        ("wagtailimages", "choose_image"), ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"),
        ("wagtaildocs", "delete_document"), ("wagtaildocs", "choose_document"),
    ],
    COMMUNICATION: [
        ("wagtailimages", "add_image"), ("wagtailimages", "change_image"), ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document"),
    ],
    COACHES: [],
}
