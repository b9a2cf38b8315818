"""The completeness criteria a form must meet before it is sent, as data, and the checker that runs them."""

from triggerflow.criteria.checker import Finding, Result, SectionStatus, check
from triggerflow.criteria.facts import Facts
from triggerflow.criteria.rule import Severity
from triggerflow.criteria.rules import CRITERIA_VERSION, RULES

__all__ = ["CRITERIA_VERSION", "RULES", "Facts", "Finding", "Result", "SectionStatus", "Severity", "check"]
