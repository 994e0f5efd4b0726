"""Read the demo's data files: YAML under ``pages/demo/data/``, so that texts are edited without touching code."""

from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


def read(name):
    """The content of ``data/<name>.yaml``; ``name`` may hold a sub-folder (``stories/moussa-keita``)."""
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def read_stories(slugs):
    """The story files named in cohorts.yaml, in that order; a story file that no cohort lists is a mistake."""
    on_disk = {path.stem for path in (DATA_DIR / "stories").glob("*.yaml")}
    unlisted = on_disk - set(slugs)
    if unlisted:
        raise ValueError(f"Story files not listed in any cohort of cohorts.yaml: {', '.join(sorted(unlisted))}")
    return [read(f"stories/{slug}") for slug in slugs]
