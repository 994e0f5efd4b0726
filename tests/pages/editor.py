"""What the Wagtail page editor posts for a story page, for tests that drive the admin's edit view."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def edit_form_data(page, **extra):
    """The editor's form for ``page`` as it stands, without JavaScript (empty stream fields), plus ``extra``."""
    data = nested_form_data(
        {
            "candidate": page.candidate_id,
            "catchphrase": page.catchphrase,
            "story": rich_text(page.story),
            "photo": "",
            "skills": streamfield([]),
            "strengths": streamfield([]),
            "wished_jobs": "",
            "availability": page.availability,
            "available_from": "",
            "languages": "",
            "transport": "",
            "experiences": streamfield([]),
            "testimonials": streamfield([]),
            "slug": page.slug,
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
        }
    )
    data.update(extra)
    return data
