"""SQLAlchemy 2 typed models, one module per aggregate. Importing this package registers them all."""

from .api import ApiToken
from .assistant import Conversation, Turn
from .audit import AuditEntry
from .consents import ConsentEvent
from .content import ContentReview
from .kiosks import Kiosk, KioskHelpRequest
from .meetings import Meeting, MeetingRequest
from .messages import Message, MessageDraft
from .outbox import OutboxMessage
from .people import Citizen, StaffUser, Team
from .plans import Plan, PlanActivity, PlanVersion, TeamMeeting, TeamMinutes
from .preparation import CitizenNote, FormSubmission, PreparationForm, PreparationNote
from .retention import AuditRetention
from .sessions import Invitation, WebSession
from .timeutil import utcnow

__all__ = [
    "ApiToken",
    "AuditEntry",
    "AuditRetention",
    "Citizen",
    "CitizenNote",
    "ConsentEvent",
    "ContentReview",
    "Conversation",
    "FormSubmission",
    "Invitation",
    "Kiosk",
    "KioskHelpRequest",
    "Meeting",
    "MeetingRequest",
    "Message",
    "MessageDraft",
    "OutboxMessage",
    "Plan",
    "PlanActivity",
    "PlanVersion",
    "PreparationForm",
    "PreparationNote",
    "StaffUser",
    "Team",
    "TeamMeeting",
    "TeamMinutes",
    "Turn",
    "WebSession",
    "utcnow",
]
