"""Who is filling in the form, and where the pages live: the citizen on their own, or a caseworker together with
the citizen. Views are written once against this context."""

from dataclasses import dataclass

from flask import abort, url_for
from flask_login import current_user

from ..models import Citizen, PreparationForm, StaffUser
from . import store


@dataclass
class FormContext:
    citizen: Citizen
    form: PreparationForm
    staff: StaffUser | None = None

    @property
    def blueprint(self) -> str:
        return "together" if self.staff else "preparation"

    def url(self, endpoint: str, **values) -> str:
        if self.staff:
            values["public_id"] = self.citizen.public_id
        return url_for(f"{self.blueprint}.{endpoint}", **values)


def citizen_context() -> FormContext:
    form = store.form_for(current_user)
    return FormContext(citizen=current_user, form=form)


def together_context(public_id: str) -> FormContext:
    from ..caseworker.views import own_citizen

    citizen = own_citizen(public_id)
    if not current_user.is_staff:
        abort(403)
    return FormContext(citizen=citizen, form=store.form_for(citizen), staff=current_user)


def landing_for(citizen: Citizen) -> str:
    """After sign-in: back into an unfinished form where the citizen left it, otherwise their front page."""
    from ..rules import preparation as rules
    from .steps import SLUGS

    form = store.form_for(citizen, create=False)
    unfinished = form is not None and form.status == rules.DRAFT and form.completed_steps
    if unfinished and rules.first_unfinished(SLUGS, form.completed_steps):
        return url_for("preparation.resume")
    return url_for("citizen.home")
