"""core.jobs.job_task: every job task is declared the same way (acks late, no result) with its
hard limit a set time after the soft one."""

import pytest

from asnportal.celery import app
from core.jobs import job_task

# name: (soft, hard) as the tasks were declared by hand before job_task existed; None: the
# project's default limits (CELERY_TASK_SOFT_TIME_LIMIT / CELERY_TASK_TIME_LIMIT).
JOB_TASKS = {
    "performance.prepare_report_job": None,
    "performance.render_report_document": (120, 180),
    "performance.finish_report_job": (3300, 3600),
    "positions.commit_import_batch": (600, 660),
    "positions.render_peta_job": (600, 660),
    "positions.move_units_to_current_posts": (600, 660),
    "positions.refresh_candidate_features": (1800, 1860),
    "talent.compute_talent_run": (600, 660),
}


@pytest.mark.parametrize("name", list(JOB_TASKS))
def test_job_tasks_ack_late_store_no_result_and_keep_their_limits(name, settings):
    app.loader.import_default_modules()
    task = app.tasks[name]
    assert task.acks_late is True
    assert task.ignore_result is True
    limits = JOB_TASKS[name]
    if limits is None:
        assert task.soft_time_limit == settings.CELERY_TASK_SOFT_TIME_LIMIT
        assert task.time_limit == settings.CELERY_TASK_TIME_LIMIT
    else:
        assert (task.soft_time_limit, task.time_limit) == limits


def test_job_task_binds_only_when_asked():
    def plain(job_id):
        return job_id

    def bound(self, job_id):
        return self.name, job_id

    plain_task = job_task("tests.plain_job", soft_time_limit=10)(plain)
    bound_task = job_task("tests.bound_job", bind=True)(bound)
    assert (plain_task.soft_time_limit, plain_task.time_limit) == (10, 70)
    assert plain_task.run(7) == 7
    assert bound_task.run(7) == ("tests.bound_job", 7)
