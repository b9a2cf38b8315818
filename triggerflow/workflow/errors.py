"""Why the workflow service refused to act."""


class WorkflowError(Exception):
    """Base class: nothing was written."""


class ActionNotAllowed(WorkflowError):
    """The actor may not take this action on this form in its current state."""


class StaleForm(WorkflowError):
    """Someone else changed the form since the actor's page was loaded."""

    message = (
        "This form was changed by someone else since you opened it. Nothing has been saved. "
        "Check the form as it is now and try again."
    )


class Invalid(WorkflowError):
    """The action's preconditions are not met: `errors` maps a field to what to put right."""

    def __init__(self, errors: dict[str, str], findings=()):
        super().__init__("; ".join(errors.values()))
        self.errors = errors
        self.findings = tuple(findings)


def is_stale(record, expected_version: int | None) -> bool:
    """Whether the page the actor acted from showed an older version of this form or threat (None: not asked)."""
    return expected_version is not None and expected_version != record.version


def refuse_if_stale(record, expected_version: int | None) -> None:
    if is_stale(record, expected_version):
        raise StaleForm()
