"""Large imports run in the background worker (`manage.py db_worker`), so the admin's request returns at once."""

from django_tasks import task

from cohorts.imports.work import check_job, import_job


@task()
def check_import(job_id):
    check_job(job_id)


@task()
def run_import_job(job_id):
    import_job(job_id)
