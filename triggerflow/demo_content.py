"""Answers for a complete organised-crime-group form, for demo data and tests.

Every name here is invented; none belongs to a real person.
"""

from datetime import date, timedelta
from typing import Any

from triggerflow.clocks.working_days import local_today

LONG = (
    "Intelligence shows the group meets weekly at a storage unit to agree drug deliveries, "
    "allocates runners to each line, moves cash through two car washes and settles disputes by "
    "the principal's word, as the cited intelligence items describe in detail."
)


def complete_ocg_answers(force_code: str, today: date | None = None) -> dict[str, Any]:
    today = today or local_today()
    intel = [
        {
            "id": f"intel{n}",
            "reference": f"{force_code}-INT-{4100 + n}",
            "date": (today - timedelta(days=20 * n)).isoformat(),
            "summary": f"Sanitised report {n}: the group coordinates deliveries and cash collection.",
            "source_kind": ("surveillance", "financial", "police_records")[n - 1],
            "source_evaluation": "1" if n == 1 else "2",
            "intelligence_assessment": "B",
            "handling_code": "P",
            "handling_conditions": "",
        }
        for n in (1, 2, 3)
    ]
    subjects = [
        {
            "id": "subj1",
            "surname": "Hallow",
            "forename": "Dermot",
            "date_of_birth": "1981-04-12",
            "intelligence_id": "PNC 81/123456A",
            "role": "principal",
            "identified": "yes",
        },
        {
            "id": "subj2",
            "surname": "Quenby",
            "forename": "Tamsin",
            "date_of_birth": "1990-09-30",
            "intelligence_id": "PNC 90/654321B",
            "role": "lieutenant",
            "identified": "yes",
            "link_to_group": "Collects cash from the runners each week and passes the principal's orders to them.",
            "link_cites": ["intel1"],
        },
        {
            "id": "subj3",
            "surname": "",
            "forename": "'Spindle'",
            "date_of_birth": "",
            "intelligence_id": "",
            "role": "member",
            "identified": "no",
            "link_to_group": "Seen restocking the flats used as bases, driving a car hired by the lieutenant.",
            "link_cites": ["intel2"],
        },
    ]
    cites = ["intel1", "intel2"]
    return {
        "A": {
            "threat_type": "ocg",
            "working_name": "Harbour Lane network",
            "local_policing_area": "Central",
            "primary_theme": "county_lines",
            "county_line": "ACE line",
            "secondary_themes": ["money_laundering"],
            "summary": LONG + " The network supplies class A drugs into three towns.",
            "master_list_searched": "yes",
            "master_list_searched_on": (today - timedelta(days=2)).isoformat(),
            "master_list_result": "No existing record on the SOC master list or PND.",
        },
        "B": {"subjects": subjects, "pi_rationale": ""},
        "C": {
            "offences": [
                {
                    "id": "off1",
                    "offence": "Supplying a class A drug",
                    "max_sentence": "Life imprisonment",
                    "seven_years": "yes",
                }
            ],
            "serious_crime_tests": ["financial_gain"],
            "justification_financial_gain": "Cash seizures and bank records show profits well over £250,000 a year.",
            "first_known": (today - timedelta(days=400)).isoformat(),
            "most_recent": (today - timedelta(days=10)).isoformat(),
            "continuing_basis": "",
            "modus_operandi": "Runners recruited from local schools carry drugs by train "
            "to rented flats used as bases.",
        },
        "D": {
            "planning": LONG,
            "planning_cites": cites,
            "control": LONG,
            "control_cites": cites,
            "coordination": LONG,
            "coordination_cites": cites,
            "decision_making": LONG,
            "decision_making_cites": cites,
            "capabilities": ["violence", "exploitation"],
            "capability_narrative": "The group uses threats of violence against runners who lose stock and "
            "exploits children to carry drugs.",
            "vulnerability_description": "",
        },
        "E": {"forces_affected": [force_code], "other_regions": [], "geographic_scope": "regional"},
        "F": {"intelligence": intel},
        "G": {
            "harm_types": ["physical"],
            "harm_physical": "Runners have been assaulted over debts.",
            "vulnerable_victims": "yes",
            "safeguarding": "Three children referred to children's services.",
            "vulnerability_types": ["children", "exploited"],
            "victims_count": "7",
            "financial_harm": "not known",
            "harm_frequency": "weekly",
            "harm_not_known_reason": "The proceeds are in cash; a financial investigator is tracing the accounts.",
        },
        "H": {
            "operation_running": "no",
            "operation_name": "",
            "officer_in_charge": "",
            "suggested_lro": "",
            "partner_agencies": "",
        },
        "I": {"security_marking": "OFFICIAL-SENSITIVE", "no_source_material": True},
    }
