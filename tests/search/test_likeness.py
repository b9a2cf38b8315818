"""Two subjects may be one person when their PNC or intelligence IDs match once typing is set aside,
or their names are spelt or said alike and their dates of birth are the same."""

import pytest

from triggerflow.search.likeness import names_alike, reference_key, same_subject

DERMOT = {"surname": "Hallow", "forename": "Dermot", "date_of_birth": "1981-04-12", "intelligence_id": "PNC 81/123456A"}


@pytest.mark.parametrize(
    "other",
    [
        pytest.param({"intelligence_id": "81/123456a"}, id="the PNC ID without the word PNC, in lower case"),
        pytest.param({"surname": "Hallowe", "forename": "Dermott", "date_of_birth": "1981-04-12"}, id="a typing slip"),
        pytest.param({"surname": "HALLOW", "forename": "dermot", "date_of_birth": "1981-04-12"}, id="in capitals"),
        pytest.param({"surname": "Halloe", "forename": "Dermot", "date_of_birth": "1981-04-12"}, id="said alike"),
    ],
)
def test_the_same_person_typed_differently_is_matched(other):
    assert same_subject(DERMOT, other)


@pytest.mark.parametrize(
    "other",
    [
        pytest.param({"surname": "Hallow", "forename": "Dermot", "date_of_birth": "1981-04-13"}, id="born another day"),
        pytest.param({"surname": "Quenby", "forename": "Dermot", "date_of_birth": "1981-04-12"}, id="another surname"),
        pytest.param({"surname": "Hallow", "forename": "Tamsin", "date_of_birth": "1981-04-12"}, id="another forename"),
        pytest.param({"surname": "Hallow", "forename": "Dermot"}, id="no date of birth"),
        pytest.param({"intelligence_id": "PNC 81/123457A"}, id="another PNC ID"),
    ],
)
def test_different_people_are_not_matched(other):
    assert same_subject(DERMOT, other) is None


def test_a_match_says_what_made_it():
    assert same_subject(DERMOT, {"intelligence_id": "81/123456A"}) == "the same PNC or intelligence ID, 81/123456A"


def test_names_said_alike_match_and_empty_names_never_do():
    assert names_alike("Thompson", "Tomson") and names_alike("Catherine", "Kathryn")
    assert not names_alike("", "") and not names_alike("Smith", "Jones")


def test_references_match_whatever_their_case_spacing_and_punctuation():
    assert reference_key("dor-int 4101") == reference_key("DOR/INT/4101") == "DORINT4101"
