"""SQLAlchemy 2 typed models, one module per aggregate. Importing this package registers them all."""

from .audit import AuditEntry
from .people import Citizen, StaffUser, Team
from .sessions import Invitation, WebSession
from .timeutil import utcnow

__all__ = ["AuditEntry", "Citizen", "Invitation", "StaffUser", "Team", "WebSession", "utcnow"]
