"""The reasons the ROCTA most often gave in the last year for returning forms like this one: the
same region, threat type and theme. Shown on a draft, so the officer can see what to get right."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from triggerflow.content.vocab import RETURN_REASONS
from triggerflow.criteria.rules import Rule, guarding
from triggerflow.db import db
from triggerflow.models import Force, ReturnItem, TriggerForm

LOOK_BACK = timedelta(days=365)
SHOWN = 3


@dataclass(frozen=True)
class CommonReturn:
    code: str
    label: str
    forms: int  # how many forms were returned for it
    criteria: tuple[Rule, ...]  # the hard criteria that guard against it


def common_returns(form: TriggerForm, now: datetime) -> list[CommonReturn]:
    if not (form.threat_type and form.primary_theme):
        return []
    forms = func.count(ReturnItem.form_id.distinct()).label("forms")
    rows = db.session.execute(
        select(ReturnItem.reason_code, forms)
        .join(TriggerForm, TriggerForm.id == ReturnItem.form_id)
        .join(Force, Force.id == TriggerForm.force_id)
        .where(
            Force.region_id == form.force.region_id,
            TriggerForm.threat_type == form.threat_type,
            TriggerForm.primary_theme == form.primary_theme,
            ReturnItem.returned_at >= now - LOOK_BACK,
            ReturnItem.reason_code != "R99",
        )  # "Other" says nothing to guard against
        .group_by(ReturnItem.reason_code)
        .order_by(forms.desc(), ReturnItem.reason_code)
        .limit(SHOWN)
    )
    labels = dict(RETURN_REASONS)
    return [CommonReturn(code, labels.get(code, code), count, guarding(code)) for code, count in rows]
