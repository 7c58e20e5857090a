"""Recorded reviews of the guides, and which guides need one.

A guide needs review when its Danish text changed after the last review, when its sources changed since then,
when a version with new rules takes effect within the next 60 days (or is only proposed), or when nobody has
reviewed it for a year. The page's "last reviewed" date comes from the newest record for the language shown
(else the Danish one), and only falls back to the date in the file for a guide never reviewed here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from ..extensions import db
from ..models import ContentReview, StaffUser
from .check import REVIEW_INTERVAL
from .content import DEFAULT_LANGUAGE, Article
from .content import today as content_today

DATE_AHEAD = timedelta(days=60)


def sources_hash(article: Article) -> str:
    listed = "\n".join(f"{source.title}\t{source.url}" for source in article.sources)
    return hashlib.sha256(listed.encode()).hexdigest()


def record(article: Article, lang: str, reviewer: StaffUser, note: str) -> ContentReview:
    review = ContentReview(
        slug=article.slug, lang=lang, reviewer_id=reviewer.id, note=note.strip(), sources_hash=sources_hash(article)
    )
    db.session.add(review)
    db.session.commit()
    return review


def latest(slug: str) -> dict[str, ContentReview]:
    """The newest review per language of one guide."""
    found: dict[str, ContentReview] = {}
    for review in db.session.scalars(
        select(ContentReview).where(ContentReview.slug == slug).order_by(ContentReview.reviewed_at)
    ):
        found[review.lang] = review
    return found


def last_review(slug: str, lang: str, fallback: date) -> date:
    reviews = latest(slug)
    review = reviews.get(lang) or reviews.get(DEFAULT_LANGUAGE)
    return review.reviewed_at.date() if review else fallback


@dataclass
class Status:
    article: Article
    reviews: dict[str, ContentReview]
    reasons: list[str]


def needs_review(article: Article, reviews: dict[str, ContentReview], on: date | None = None) -> list[str]:
    """Why this guide needs a review now (reason codes; empty when it does not)."""
    day = on or content_today()
    danish = reviews.get(DEFAULT_LANGUAGE)
    reasons = []
    if danish is None:
        reasons.append("never")
    else:
        if danish.reviewed_at.date() < article.updated:
            reasons.append("text_changed")
        if danish.sources_hash != sources_hash(article):
            reasons.append("sources_changed")
        if day - danish.reviewed_at.date() > REVIEW_INTERVAL:
            reasons.append("old")
    upcoming = article.upcoming(day)
    if upcoming is not None:
        # upcoming() gives an adopted version only when it has a date still to come.
        soon = upcoming.in_force_from is not None and upcoming.in_force_from - day <= DATE_AHEAD
        if upcoming.status != "adopted" or soon:
            reasons.append("date_coming")
    return reasons


def statuses(articles: list[Article], on: date | None = None) -> list[Status]:
    all_reviews: dict[str, dict[str, ContentReview]] = {}
    for review in db.session.scalars(select(ContentReview).order_by(ContentReview.reviewed_at)):
        all_reviews.setdefault(review.slug, {})[review.lang] = review
    return [
        Status(article, all_reviews.get(article.slug, {}), needs_review(article, all_reviews.get(article.slug, {}), on))
        for article in articles
    ]
