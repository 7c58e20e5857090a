"""Who is filling in the form, and where the pages live: the citizen on their own, or a caseworker together with
the citizen. Views are written once against this context; what the context may show comes from one rule
(rules/form_access.py)."""

from dataclasses import dataclass

from flask import abort, url_for
from flask_login import current_user

from ..models import Citizen, PreparationForm, StaffUser
from ..rules.form_access import Viewer, Visible, visible_parts
from . import store, together


@dataclass
class FormContext:
    citizen: Citizen
    form: PreparationForm
    staff: StaffUser | None = None

    @property
    def blueprint(self) -> str:
        return "together" if self.staff else "preparation"

    @property
    def joint_session(self) -> bool:
        """Filling in together: the citizen has opened their form to this caseworker, and it is still open."""
        return self.staff is not None and together.is_open_for(self.form, self.staff)

    @property
    def visible(self) -> Visible:
        return visible_parts(
            Viewer.TOGETHER if self.staff else Viewer.CITIZEN,
            status=self.form.status,
            share_resources=self.form.share_resources,
            has_resources=self.form.has_resources,
            joint_session=self.joint_session,
        )

    def url(self, endpoint: str, **values) -> str:
        if self.staff:
            values["public_id"] = self.citizen.public_id
        return url_for(f"{self.blueprint}.{endpoint}", **values)


def citizen_context() -> FormContext:
    form = store.form_for(current_user)
    return FormContext(citizen=current_user, form=form)


def together_context(public_id: str) -> FormContext:
    from ..scope import own_citizen

    citizen = own_citizen(public_id)
    if not current_user.is_staff:
        abort(403)
    return FormContext(citizen=citizen, form=store.form_for(citizen), staff=current_user)


def landing_for(citizen: Citizen) -> str:
    """After sign-in: back into an unfinished form where the citizen left it, otherwise their front page."""
    from ..rules import preparation as rules
    from .steps import SLUGS

    form = store.get_form(citizen)
    if (
        form is not None
        and form.status == rules.DRAFT
        and form.completed_steps
        and rules.first_unfinished(SLUGS, form.completed_steps)
    ):
        return url_for("preparation.resume")
    return url_for("citizen.home")
