"""Which parts of a preparation form a viewer may see: one rule for every page, the print and the API.

Why one rule: the form promises two things. Drafts stay the citizen's own until they send them, and the page on
resources and barriers (health, money, housing: special-category data under GDPR article 9) reaches the team only
if the citizen ticks the box. A second copy of either rule in a template or a view is how the "fill in together"
pages came to show a caseworker both; every page now asks this function instead, and a table test checks every
viewer against every form state and consent.

Filling in together is the one case where a caseworker sees the working copy: only after the citizen has opened a
joint session (by reading out the code their own screen shows, or when the form is still empty, so there is
nothing of theirs to see). Even then the resources page stays hidden without consent; it may be filled in together
only while it is empty, so the caseworker can never overwrite answers they are not allowed to read.
"""

from dataclasses import dataclass
from enum import StrEnum

from .preparation import DRAFT


class Viewer(StrEnum):
    CITIZEN = "citizen"  # the citizen, on their own pages
    CASEWORKER = "caseworker"  # a caseworker of the citizen's team reading what was sent (queue, form page)
    PRINT = "print"  # the printable team-meeting summary
    API = "api"  # the municipality's case system
    TOGETHER = "together"  # a caseworker filling in the form with the citizen present


@dataclass(frozen=True)
class Visible:
    working_copy: bool  # the current answers: the draft, or changes not sent yet
    sent_versions: bool  # the versions the citizen has sent
    resources: bool  # the resources-and-barriers page of whatever is shown
    resources_editable: bool  # the viewer may type on the resources page


NOTHING = Visible(working_copy=False, sent_versions=False, resources=False, resources_editable=False)


def visible_parts(
    viewer: Viewer,
    *,
    status: str,
    share_resources: bool,
    has_resources: bool = False,
    joint_session: bool = False,
) -> Visible:
    """What `viewer` may see of a form in `status`.

    `share_resources` is the consent stored with the answers being shown (the working copy's for the citizen and
    for filling in together; the shown version's for readers of what was sent). `has_resources` says whether the
    working copy's resources page holds any answer at all.
    """
    sent = status != DRAFT
    if viewer == Viewer.CITIZEN:
        return Visible(working_copy=True, sent_versions=sent, resources=True, resources_editable=True)
    if viewer in (Viewer.CASEWORKER, Viewer.PRINT, Viewer.API):
        return Visible(
            working_copy=False, sent_versions=sent, resources=sent and share_resources, resources_editable=False
        )
    if viewer == Viewer.TOGETHER:
        if not joint_session:
            return NOTHING
        return Visible(
            working_copy=True,
            sent_versions=sent,
            resources=share_resources,
            resources_editable=share_resources or not has_resources,
        )
    return NOTHING
