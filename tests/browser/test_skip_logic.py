"""Without chromium the browser tests skip and say why, unless REQUIRE_BROWSER=1 makes that a failure."""

import pytest

from tests.browser.chromium import DEFAULT_CHROMIUM_PATH, chromium_executable


@pytest.fixture
def fake_chromium(tmp_path):
    path = tmp_path / "chromium"
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def no_chromium(tmp_path, monkeypatch):
    missing = tmp_path / "no-chromium-here"
    monkeypatch.setenv("CHROMIUM_PATH", str(missing))
    return missing


def test_missing_chromium_skips_with_the_install_hint(no_chromium, monkeypatch):
    monkeypatch.delenv("REQUIRE_BROWSER", raising=False)

    with pytest.raises(pytest.skip.Exception) as skipped:
        chromium_executable()

    assert str(skipped.value) == (
        f"chromium not found at {no_chromium}: browser tests skipped (apt-get install -y chromium)"
    )


def test_missing_chromium_fails_when_browser_is_required(no_chromium, monkeypatch):
    monkeypatch.setenv("REQUIRE_BROWSER", "1")

    with pytest.raises(pytest.fail.Exception) as failed:
        chromium_executable()

    assert f"chromium not found at {no_chromium}" in str(failed.value)
    assert "REQUIRE_BROWSER=1" in str(failed.value)


def test_require_browser_0_still_skips(no_chromium, monkeypatch):
    monkeypatch.setenv("REQUIRE_BROWSER", "0")

    with pytest.raises(pytest.skip.Exception):
        chromium_executable()


def test_a_file_that_cannot_run_counts_as_missing(fake_chromium, monkeypatch):
    fake_chromium.chmod(0o644)
    monkeypatch.setenv("CHROMIUM_PATH", str(fake_chromium))
    monkeypatch.delenv("REQUIRE_BROWSER", raising=False)

    with pytest.raises(pytest.skip.Exception):
        chromium_executable()


@pytest.mark.parametrize("required", ["", "1"], ids=["unset", "required"])
def test_installed_chromium_is_used_whether_required_or_not(fake_chromium, monkeypatch, required):
    monkeypatch.setenv("CHROMIUM_PATH", str(fake_chromium))
    monkeypatch.setenv("REQUIRE_BROWSER", required)

    assert chromium_executable() == str(fake_chromium)


def test_without_override_debian_chromium_is_looked_for(monkeypatch):
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.delenv("REQUIRE_BROWSER", raising=False)

    try:
        found = chromium_executable()
    except pytest.skip.Exception as skipped:
        assert DEFAULT_CHROMIUM_PATH in str(skipped)
    else:
        assert found == DEFAULT_CHROMIUM_PATH
