"""How each force behaves in synthetic data: its share of the forms and its outcome odds.

Every force gets a baseline drawn from the seed (acceptance 50-70 %, few returns, most
returns resubmitted); a scenario file overrides any of it for named regions and forces.
"""

import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from random import Random

from triggerflow.content import vocab

# Relative frequency of each return reason in an ordinary force.
BASE_REASONS = {
    "R01": 6,
    "R02": 10,
    "R03": 5,
    "R04": 6,
    "R05a": 3,
    "R05b": 3,
    "R05c": 3,
    "R05d": 3,
    "R06": 5,
    "R07": 9,
    "R08": 8,
    "R09": 5,
    "R10": 3,
    "R11": 2,
    "R12": 2,
    "R13": 3,
    "R99": 2,
}
# The forces with the most SOC work send the most forms.
LARGE_FORCES = {"MPS": 4.0, "GMP": 2.5, "WMP": 2.5, "WYP": 2.0, "MER": 1.6, "NOR": 1.4, "TVP": 1.6, "KEN": 1.5}


@dataclass(frozen=True)
class ForceProfile:
    code: str
    weight: float  # share of the forms, relative to other forces
    accept_share: float  # of decisions, how many are acceptances
    return_rate: float  # chance an assessment ends in a return (falls with each round)
    resubmit_rate: float  # chance the force resubmits a return in time
    withdraw_rate: float
    operation_running: float  # chance an operation is already running against the threat
    reasons: dict[str, float] = field(default_factory=lambda: dict(BASE_REASONS))
    spoc_gate: bool | None = None  # None: as the force is set up; a scenario may take its SPOC gate away
    returned_twice_lapsed: int = 0  # forms scripted to be returned twice and never resubmitted, whatever the seed
    unassessed_operations: int = 0  # operations on the force's register against groups no form was sent for


def baseline(force_codes: list[str], seed: int) -> dict[str, ForceProfile]:
    """An ordinary profile per force, drawn from its own generator so it does not depend on N."""
    rng = Random(f"profiles-{seed}")
    return {
        code: ForceProfile(
            code=code,
            weight=LARGE_FORCES.get(code, 1.0) * rng.uniform(0.7, 1.3),
            accept_share=rng.uniform(0.5, 0.7),
            return_rate=rng.uniform(0.18, 0.32),
            resubmit_rate=rng.uniform(0.82, 0.95),
            withdraw_rate=rng.uniform(0.02, 0.05),
            operation_running=rng.uniform(0.08, 0.18),
        )
        for code in sorted(force_codes)
    }


def load_scenario(name: str) -> dict:
    """The scenario file `scenarios/<name>.toml` shipped with the package."""
    path = resources.files("triggerflow.synthetic").joinpath(f"scenarios/{name}.toml")
    if not path.is_file():
        raise LookupError(f"No scenario called {name!r}; there is: {', '.join(scenario_names())}")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def scenario_names() -> list[str]:
    folder = resources.files("triggerflow.synthetic").joinpath("scenarios")
    return sorted(entry.name.removesuffix(".toml") for entry in folder.iterdir() if entry.name.endswith(".toml"))


def apply_scenario(
    profiles: dict[str, ForceProfile], scenario: dict, region_of: dict[str, str]
) -> dict[str, ForceProfile]:
    known_reasons = dict(vocab.RETURN_REASONS)
    changed = dict(profiles)
    for code, profile in profiles.items():
        region = scenario.get("regions", {}).get(region_of[code], {})
        overrides = scenario.get("forces", {}).get(code, {})
        weight = profile.weight * region.get("weight", 1.0) * overrides.get("weight", 1.0)
        reasons = {**profile.reasons, **overrides.get("reasons", {})}
        unknown = set(reasons) - set(known_reasons)
        if unknown:
            raise ValueError(f"Unknown return reasons in the scenario for {code}: {sorted(unknown)}")
        plain = {k: v for k, v in overrides.items() if k not in ("weight", "reasons")}
        changed[code] = replace(profile, weight=weight, reasons=reasons, **plain)
    return changed
