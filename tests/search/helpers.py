"""Forms with subjects and intelligence for search to find."""

from tests import factories


def form_about(author, working_name: str, subjects=(), references=()):
    """A draft with these subjects ((forename, surname, PNC ID)) and intelligence references."""
    return factories.draft(
        author,
        {
            "A": {"working_name": working_name},
            "B": {"subjects": [{"forename": f, "surname": s, "intelligence_id": pnc} for f, s, pnc in subjects]},
            "F": {"intelligence": [{"reference": r} for r in references]},
        },
    )
