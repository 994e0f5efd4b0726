"""The named hooks through which cohorts asks the layers above it to act, without importing them.

cohorts/ sits below pages/: it never imports the public site. Where a change to a private record must change a
page (a new candidate gets a draft story; a withdrawn consent takes the story offline) or where a figure needs
what only the public site counts, cohorts runs a Wagtail hook, and pages/wagtail_hooks.py registers for it:

    @hooks.register(AFTER_COHORT_IMPORT)
    def create_stories(*, stories, user, progress, index): ...

Each hook runs inside the caller's transaction, so a failure in it undoes the whole operation.
"""

from wagtail import hooks

# After a cohort import wrote its rows (a dry run too, inside its rolled-back transaction): ``stories`` lists
# (candidate, story text) for the candidates it created, ``user`` imported, ``progress(done)`` reports how many
# are done, ``index`` says whether to update the search index (not in a dry run).
AFTER_COHORT_IMPORT = "after_cohort_import"
# After a consent was withdrawn: ``candidate``, ``user``, ``purpose`` (a ConsentPurpose). The site takes the story
# offline (publication) and deletes the photo's public renditions (publication or photo).
AFTER_CONSENT_WITHDRAWN = "after_consent_withdrawn"
# The impact report asks for story views, shares and QR scans: ``scope`` (a Q on the candidate, with the given
# ``prefix``'s lookups), ``cohort_scope`` (the same rule as a Q on a cohort, no prefix: the counts of erased stories
# are kept by cohort), ``period`` (first and last day); each hook returns a {kind: total} dict.
STORY_COUNTERS = "impact_story_counters"
# After a candidate's personal data was erased (cohorts.gdpr.erasure), in its transaction: ``candidate`` (already
# anonymised, with its cohort), ``user``. The public site deletes what it holds about them: story, revisions, photo.
AFTER_CANDIDATE_ERASED = "after_candidate_erased"
# The export of a candidate's data (cohorts.gdpr.export) asks what the public site holds about them: ``candidate``;
# each hook returns a cohorts.gdpr.sections.DataPart (sections of rows, and files such as the photo).
CANDIDATE_DATA = "candidate_personal_data"
# The daily retention purge (cohorts/gdpr/retention.py) asks the site to forget what it keeps of its visitors:
# ``cutoffs`` (a Cutoffs: the last day, per kind, whose traces are past their time), ``dry_run`` (count, write
# nothing); each hook returns a {kind: count} dict, its kinds among cohorts.gdpr.retention.KINDS.
APPLY_RETENTION = "apply_retention"


def run(name, **kwargs):
    """Call every function registered for the hook ``name`` with these keyword arguments; return their results."""
    return [fn(**kwargs) for fn in hooks.get_hooks(name)]
