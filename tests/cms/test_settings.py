"""Settings every environment shares (production's own refusals are in test_production.py)."""

from django.conf import settings


def test_french_first_with_english_available():
    assert settings.LANGUAGE_CODE == "fr"
    assert [code for code, _name in settings.LANGUAGES] == ["fr", "en"]
    assert settings.TIME_ZONE == "Europe/Paris"


def test_postgres_features_follow_the_database():
    on_postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert ("django.contrib.postgres" in settings.INSTALLED_APPS) is on_postgres
