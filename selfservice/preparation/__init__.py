"""The preparation form: a citizen describes themselves in their own words before the first conversation.

The same step pages serve the citizen (/me/form/…) and a caseworker filling the form in together with the citizen
during a meeting (/staff/citizens/<id>/form/…); see flow.py.
"""

from flask import Blueprint

bp = Blueprint("preparation", __name__, url_prefix="/me/form")
together_bp = Blueprint("together", __name__, url_prefix="/staff/citizens/<public_id>/form")

from . import views  # noqa: E402, F401
