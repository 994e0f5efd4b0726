"""The staff roles, as Wagtail groups. Used by the migration that creates them and by the tests.

Rules, in plain words:
- "Administrateurs programme" run the programme: every record, every page, images, documents, settings.
- "Communication" write and publish the public pages, read the candidates they write about and their consents.
- "Coachs" read the record of their own candidate, and follow that candidate's applications.
"""

from django.contrib.auth.management import create_permissions

PROGRAMME_ADMINS = "Administrateurs programme"
COMMUNICATION = "Communication"
COACHES = "Coachs"

_ALL = ("add", "change", "delete", "view")
PROGRAMME_MODELS = {
    "cohorts": (
        "cohort", "candidate", "coach", "pair", "consentrecord", "contactrequest", "application",
        "coachingsession", "outcome", "followupcheck",
    ),
    "snippets": (
        "city", "sector", "contracttype", "referringorganisation", "partnercompany", "offer", "inclusiverule",
    ),
}

# Model permissions per group: (app_label, codename).
MODEL_PERMISSIONS = {
    PROGRAMME_ADMINS: [("wagtailadmin", "access_admin"), ("snippets", "change_programmesettings")]
    + [(app, f"{action}_{model}") for app, models in PROGRAMME_MODELS.items() for model in models for action in _ALL]
    + [("cohorts", "import_cohort"), ("cohorts", "import_offers"), ("cohorts", "view_impact")]
    # They answer the GDPR requests of candidates and coaches (cohorts/gdpr/): export, and erase a candidate.
    + [("cohorts", "erase_candidate"), ("cohorts", "export_candidate"), ("cohorts", "export_coach")]
    # They set how long personal data is kept (Paramètres → Durées de conservation).
    + [("cohorts", "change_retentionsettings")]
    # They validate offers (the "Validation des offres" workflow publishes what they approve).
    + [("snippets", "publish_offer"), ("snippets", "lock_offer"), ("snippets", "unlock_offer")],
    COMMUNICATION: [
        ("wagtailadmin", "access_admin"),
        ("cohorts", "view_candidate"),
        ("cohorts", "view_cohort"),
        # They check that a story may be published (and its photo shown); contact requests are not theirs.
        ("cohorts", "view_consentrecord"),
        # They run the campaigns and the public impact page.
        ("cohorts", "view_impact"),
    ],
    # Coaches follow their own candidate's applications (cohorts/perms.py keeps them to that candidate).
    COACHES: [
        ("wagtailadmin", "access_admin"),
        ("cohorts", "view_candidate"),
        ("cohorts", "view_application"),
        ("cohorts", "change_application"),
        # They log their own pair's sessions (cohorts/perms.py keeps them to that pair).
        ("cohorts", "view_coachingsession"),
        ("cohorts", "add_coachingsession"),
        ("cohorts", "change_coachingsession"),
        ("cohorts", "delete_coachingsession"),
    ],
}



def grant_model_permissions(apps, app_label, model_names):
    """In a migration that adds models: give each role what MODEL_PERMISSIONS lists on these models."""
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=MODEL_PERMISSIONS):
        codenames = [
            code for app, code in MODEL_PERMISSIONS[group.name]
            if app == app_label and code.rsplit("_", 1)[-1] in model_names
        ]
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


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
