"""What applies to me: the citizen's duties, rights and ways to build skills, from their own situation.

/me/what-applies starts from what the service knows about a signed-in citizen; /what-applies asks anyone (also at
the kiosk) the same few questions, one per page. Both show the same result. Guidance, never a decision.
"""

from flask import Blueprint

bp = Blueprint("what_applies", __name__)

from . import views  # noqa: E402, F401
