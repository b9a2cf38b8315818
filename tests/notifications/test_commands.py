"""The scheduled commands, as cron or a Kubernetes CronJob runs them."""

from datetime import timedelta

from tests import factories
from triggerflow.clocks.working_days import local_date


def test_send_reminders_lapses_stale_returns_reminds_and_sends_the_mail(app, people, tmp_path):
    app.config["MAIL_FOLDER"] = str(tmp_path)
    form = factories.returned(people.officer, people.spoc, people.assessor)
    day = local_date(form.returned_at) + timedelta(days=28)

    first = app.test_cli_runner().invoke(args=["send-reminders", "--date", day.isoformat()])
    second = app.test_cli_runner().invoke(args=["send-reminders", "--date", day.isoformat()])

    assert first.exit_code == 0, first.output
    # Sent to SPOC (2 SPOCs), submitted (2 assessors), returned and lapsed (the author and 2 SPOCs each).
    assert first.output.splitlines() == ["0 reminders sent, 1 returns lapsed.", "10 sent, 0 to retry, 0 failed."]
    assert second.output.splitlines() == ["0 reminders sent, 0 returns lapsed.", "0 sent, 0 to retry, 0 failed."]
    assert len(list(tmp_path.glob("*.eml"))) == 10


def test_send_mail_sends_what_is_waiting(app, people, tmp_path):
    app.config["MAIL_FOLDER"] = str(tmp_path)
    factories.submitted(people.officer, people.spoc)

    result = app.test_cli_runner().invoke(args=["send-mail"])

    assert result.exit_code == 0 and result.output == "4 sent, 0 to retry, 0 failed.\n"
