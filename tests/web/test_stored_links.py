"""Addresses stored before the API checked them (December 2026 review, F10): a `javascript:` video or legal link
saved then must never become a link on the citizen's pages. The CSP would block the script; this keeps the row from
being a link at all."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.models import Citizen, PlanActivity, utcnow
from selfservice.plan.publishing import plan_for, publish
from tests.factories import add_meeting
from tests.helpers import page

pytestmark = pytest.mark.db
STORED = "javascript:alert(document.domain)"


def script_links(html):
    return [
        a["href"]
        for a in html.find_all("a", href=True)
        if not a["href"].lower().startswith(("http", "/", "#", "tel:", "mailto:", "?"))
    ]


def test_a_stored_script_address_is_not_the_video_meetings_join_button(app, jens, people):
    soon = utcnow() + timedelta(minutes=5)
    public_id = add_meeting(app, people["jens"], starts_at=soon, kind="video", video_url=STORED).public_id
    html = page(jens.get(f"/me/meetings/{public_id}?lang=en"))
    assert "Joining the video meeting" in html.get_text()
    assert not html.find("a", string="Join the video meeting")
    assert script_links(html) == []


def test_a_stored_script_address_leaves_the_legal_basis_as_plain_text(app, jens, people):
    with app.test_request_context():
        plan = plan_for(db.session.get(Citizen, people["jens"]))
        activity = db.session.scalar(
            select(PlanActivity).where(PlanActivity.plan_id == plan.id, PlanActivity.legal_url.is_not(None))
        )
        activity.legal_url, activity.legal_basis = STORED, "LAB § 999"
        db.session.flush()
        assert publish(plan, None) is not None
        db.session.commit()
    html = page(jens.get("/me/plan/?lang=en"))
    assert "LAB § 999" in html.get_text()
    assert not html.find("a", string="LAB § 999")
    assert script_links(html) == []
