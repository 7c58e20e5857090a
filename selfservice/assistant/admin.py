"""For content editors: the questions the assistant could not answer, or whose answer was not helpful, grouped.

Why grouped by the folded question: the same gap shows up in many spellings; a count says where to write next.
"""

from collections import Counter

from flask import render_template
from sqlalchemy import or_, select

from ..access import staff_required
from ..extensions import db
from ..models import Turn
from . import bp
from .text import words


@bp.get("/staff/assistant")
@staff_required(admin=True)
def gaps():
    turns = db.session.scalars(
        select(Turn).where(or_(Turn.kind == "dont_know", Turn.kind == "choices", Turn.feedback == "not_helpful"))
    )
    groups: dict[tuple[str, str], Counter] = {}
    examples: dict[tuple[str, str], str] = {}
    for turn in turns:
        reason = "not_helpful" if turn.feedback == "not_helpful" else turn.kind
        key = (reason, " ".join(words(turn.question)))
        groups.setdefault(key, Counter())[turn.lang] += 1
        examples.setdefault(key, turn.question)
    rows = sorted(
        ((reason, examples[(reason, folded)], sum(c.values()), c) for (reason, folded), c in groups.items()),
        key=lambda row: (-row[2], row[1]),
    )
    return render_template("assistant/gaps.html", rows=rows)
