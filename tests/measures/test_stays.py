"""Each move writes the stay it ends, with its working days; `flask rebuild-stays` works out the same
stays from the events alone. Day 0 is Monday 5 January 2026."""

import flask_migrate
from sqlalchemy import update

from tests import factories
from triggerflow.db import db
from triggerflow.models import FormStay
from triggerflow.workflow.states import FormState as S

BEFORE_STAYS = "ae6c8b3f1f54"  # the revision before 0011_form_stays


def test_each_move_writes_the_stay_it_ends_with_its_working_days(easter, people):
    first, _ = easter
    found = [
        (state, left_with, left_by, days)
        for form_id, state, _, _, left_with, left_by, days in factories.stays()
        if form_id == first.id
    ]
    assert found == [
        (S.DRAFT, "send_to_spoc", people.officer.id, 0),
        (S.SPOC_REVIEW, "submit", people.spoc.id, 0),
        (S.SUBMITTED, "claim", people.assessor.id, 1),  # Thursday 26 to Saturday 28 March
        # Reassigned on the way, still one stay: Monday 30 March to Good Friday.
        (S.UNDER_ASSESSMENT, "return_to_force", people.assessor2.id, 4),
        (S.RETURNED, "resubmit", people.spoc.id, 1),  # Good Friday to Tuesday 7 April, after Easter Monday
        (S.RESUBMITTED, "claim", people.assessor2.id, 0),
        (S.UNDER_ASSESSMENT, "accept", people.assessor2.id, 3),
    ]


def test_rebuilding_from_the_events_gives_the_stays_the_moves_wrote(easter, app):
    written = factories.stays()
    # As if the working days had been counted on a calendar since corrected.
    db.session.execute(update(FormStay).values(working_days=99))

    output = factories.rebuild_stays(app)

    assert f"Rebuilt {len(written)} stays" in output
    assert factories.stays() == written


def test_the_migration_that_brings_stays_in_fills_them_in_for_forms_already_moved(easter, app):
    written = factories.stays()
    db.session.commit()
    db.session.close()  # the migrations take the database to themselves

    flask_migrate.downgrade(revision=BEFORE_STAYS)
    flask_migrate.upgrade()

    assert factories.stays() == written
