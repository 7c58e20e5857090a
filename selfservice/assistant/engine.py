"""From a message to a reply: language, routing, then the knowledge base; always guidance, never a decision.

The reply is written in the conversation's language (the page's, unless the message is clearly in another of our
eight), whatever language the page itself is shown in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app, g, has_request_context, url_for
from flask_babel import force_locale, gettext

from ..access import signed_in_with_invitation
from . import owncase, routing
from .classifier import load_or_train
from .sections import SectionFinder
from .text import LanguageGuesser
from .understanding import ACTION, ANSWER, CLARIFY, GREETING, OUT_OF_SCOPE, OWN_CASE, Meaning, Understanding

ACTION_GUIDE = "afbud-og-sygdom"
AUTHORITIES = {
    "tax": ("Skattestyrelsen", "https://skat.dk"),
    "housing": ("Udbetaling Danmark / borger.dk", "https://www.borger.dk"),
    "residence": ("Borgerservice / nyidanmark.dk", "https://www.nyidanmark.dk"),
    "health": ("1813 / sundhed.dk", "https://www.sundhed.dk"),
    "pension": ("Udbetaling Danmark / borger.dk", "https://www.borger.dk"),
}


@dataclass
class Reply:
    kind: str
    lang: str
    text: str
    article: str | None = None
    choices: list[str] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    reviewed: str | None = None
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, address) for the page
    topic: str | None = None
    section: dict | None = None  # the part of the article that answers: heading, text, url
    follows: Reply | None = None  # after the crisis help: the article the question was also about
    upcoming: dict | None = None  # a change to the guide's rules: from (ISO date), status, text

    def as_json(self) -> dict:
        data = {
            "kind": self.kind,
            "article": self.article,
            "choices": self.choices,
            "text": self.text,
            "sources": self.sources,
            "reviewed": self.reviewed,
            "lang": self.lang,
            "section": self.section,
            "upcoming": self.upcoming,
        }
        if self.follows is not None:
            data["follows"] = self.follows.as_json()
        return data


class Assistant:
    """Built once per app at start-up from the guides: the model, the guides' sections and the language profiles."""

    def __init__(self, guides, classifier=None) -> None:
        self.library = guides
        self.classifier = classifier or load_or_train(guides)
        self.understanding = Understanding(self.classifier)
        self.sections = SectionFinder(guides, self.classifier)
        samples: dict[str, list[str]] = {}
        for article in guides.articles.values():
            for lang, text in article.texts.items():
                samples.setdefault(lang, []).append(" ".join([text.title, text.summary, *text.questions]))
        self.guesser = LanguageGuesser({lang: " ".join(parts) for lang, parts in samples.items()})

    def language_of(self, message: str, page_lang: str) -> str:
        return self.guesser.guess(message, page_lang)

    def reply(
        self, message: str, page_lang: str, citizen=None, choose: str | None = None, previous: str | None = None
    ) -> Reply:
        """`previous` is the conversation's last question, for a follow-up such as "and if I am ill?"."""
        lang = self.language_of(message, page_lang) if message else page_lang
        with force_locale(lang):
            return self._reply(message, lang, citizen, choose, previous)

    def _reply(self, message: str, lang: str, citizen, choose: str | None, previous: str | None) -> Reply:
        if choose and self.library.get(choose):
            return self.article_reply(choose, lang, previous or "")
        meaning = self.understanding.read(message, previous)
        topic = routing.what_applies_topic(message) if citizen is not None else None
        if topic and meaning.decision not in (ACTION, GREETING) and not meaning.crisis:
            # A signed-in citizen asking about their own duties or options: their own What applies to me.
            return own_case_reply(lang, citizen, topic)
        main = self._answer(meaning, message, lang, citizen)
        if meaning.crisis:
            return crisis_reply(lang, follows=main if main.kind == "answer" else None)
        return main

    def _answer(self, meaning: Meaning, message: str, lang: str, citizen) -> Reply:
        if meaning.decision == ACTION:
            return action_reply(lang, citizen)
        if meaning.decision == OWN_CASE:
            return own_case_reply(lang, citizen, meaning.topic)
        if meaning.decision == OUT_OF_SCOPE:
            return out_of_scope_reply(lang, meaning.topic)
        if meaning.decision == GREETING:
            return greeting_reply(lang)
        if meaning.decision == ANSWER:
            return self.article_reply(meaning.guides[0], lang, meaning.text)
        if meaning.decision == CLARIFY:
            return self.clarify_reply(meaning.guides, lang)
        return dont_know_reply(lang, citizen)

    def clarify_reply(self, slugs: list[str], lang: str) -> Reply:
        """A question back instead of bare choices, naming the guides the message is closest to."""
        titles = [self.library.get(slug).text_for(lang).title for slug in slugs]
        if len(titles) == 2:
            text = gettext("Is your question about %(first)s or about %(second)s?", first=titles[0], second=titles[1])
        else:
            text = gettext("Which of these is your question about?")
        return Reply("choices", lang, text, choices=list(slugs))

    def article_reply(self, slug: str, lang: str, question: str = "") -> Reply:
        article = self.library.get(slug)  # the version in force today
        text = article.text_for(lang)
        change = self.library.upcoming(slug)
        section = self.sections.best(slug, text.lang, question) if question else None
        guide_url = url_for("guides.article", slug=slug)
        return Reply(
            "answer",
            text.lang,
            text.summary,
            article=slug,
            sources=[{"title": s.title, "url": s.url} for s in article.sources],
            reviewed=article.reviewed.isoformat(),
            links=[(gettext("Read the whole guide"), guide_url)],
            section={"heading": section.heading, "text": section.excerpt, "url": f"{guide_url}#{section.anchor}"}
            if section
            else None,
            upcoming={
                "from": change.in_force_from.isoformat() if change.in_force_from else None,
                "status": change.status,
                "text": change.text_for(lang).change,
            }
            if change
            else None,
        )


def greeting_reply(lang: str) -> Reply:
    text = gettext(
        "Hello. I am an automated assistant. Ask me about your rights and duties, meetings, your plan or courses "
        "and education, in your own words."
    )
    return Reply("greeting", lang, text)


def crisis_reply(lang: str, follows: Reply | None = None) -> Reply:
    config = current_app.config
    text = gettext(
        "If you are in danger or thinking of taking your own life, call 112 now. You can talk to someone at "
        "Livslinien on 70 201 201. For urgent help with your mental health, call %(line)s on %(phone)s. "
        "You are not alone, and help is there day and night.",
        line=config["PSYCHIATRY_LINE_NAME"],
        phone=config["PSYCHIATRY_LINE_PHONE"],
    )
    # Lev Uden Vold's national hotline for violence in close relationships (levudenvold.dk: open day and night,
    # free and anonymous; checked 6 December 2026).
    violence = gettext(
        "If someone close to you hurts, threatens or controls you, call Lev Uden Vold on 1888, day and night, free "
        "and anonymous."
    )
    text = f"{text} {violence}"
    links = [
        ("112", "tel:112"),
        ("Lev Uden Vold 1888", "tel:1888"),
        ("Livslinien 70 201 201", "tel:70201201"),
        (
            f"{config['PSYCHIATRY_LINE_NAME']} {config['PSYCHIATRY_LINE_PHONE']}",
            f"tel:{config['PSYCHIATRY_LINE_PHONE']}",
        ),
    ]
    return Reply("crisis", lang, text, links=links, article=follows.article if follows else None, follows=follows)


def action_reply(lang: str, citizen) -> Reply:
    text = gettext(
        "I cannot receive your notice that you cannot come, move a meeting or report you ill here in the chat, so "
        "that nothing gets lost. Open the meeting under “Your meetings” and choose what you need. You get a receipt, "
        "and your caseworker is told at once. If the meeting is today, also phone the jobcentre."
    )
    if citizen is not None:
        links = [(gettext("Your meetings"), url_for("meetings.index"))]
    else:
        links = [(gettext("Sign in to see your meetings"), url_for("auth.login", next=url_for("meetings.index")))]
    links.append((gettext("Contact the jobcentre"), url_for("pages.contact")))
    return Reply("action", lang, text, article=ACTION_GUIDE, links=links)


def own_case_reply(lang: str, citizen, topic: str | None) -> Reply:
    if citizen is None and _signed_in_with_code():
        # Signed in, but only for the form: say so, rather than "sign in" to someone who just did.
        return Reply(
            "own_case",
            lang,
            gettext(
                "With a code you can fill in the form before your first conversation. To see your plan and your "
                "meetings, you need MitID."
            ),
            links=[
                (gettext("Sign in with MitID"), url_for("auth.login", next=url_for("assistant.page"))),
                (gettext("Your preparation form"), url_for("preparation.start")),
            ],
            topic=topic,
        )
    if citizen is None:
        return Reply(
            "own_case",
            lang,
            gettext("To answer questions about your own case, I need you to sign in first."),
            links=[(gettext("Sign in"), url_for("auth.login", next=url_for("assistant.page")))],
            topic=topic,
        )
    text, links = owncase.ANSWERS[topic or "meeting"](citizen)
    return Reply("own_case", lang, text, links=links, topic=topic)


def _signed_in_with_code() -> bool:
    """An invitation-code session outside a kiosk (a kiosk is anonymous whatever its browser carries)."""
    return has_request_context() and g.get("kiosk") is None and signed_in_with_invitation()


def out_of_scope_reply(lang: str, topic: str | None) -> Reply:
    name, address = AUTHORITIES.get(topic or "", ("borger.dk", "https://www.borger.dk"))
    text = gettext(
        "The jobcentre does not handle that, so I cannot answer it. %(authority)s can help you.", authority=name
    )
    return Reply("out_of_scope", lang, text, links=[(name, address)], topic=topic)


def dont_know_reply(lang: str, citizen) -> Reply:
    if citizen is not None:
        text = gettext(
            "I am sorry, I do not know the answer to that. You can send your question to your caseworker as a "
            "message, and they will answer you."
        )
        return Reply("dont_know", lang, text)
    config = current_app.config
    text = gettext(
        "I am sorry, I do not know the answer to that. Contact the jobcentre on %(phone)s, or sign in and send "
        "your question to your caseworker.",
        phone=config["JOBCENTRE_PHONE"],
    )
    return Reply("dont_know", lang, text, links=[(gettext("Contact the jobcentre"), url_for("pages.contact"))])


def replay(assistant: Assistant, turn, citizen):
    """The reply for a stored turn, rebuilt in its language from the current guides and the citizen's current data."""
    kind, lang, article, topic = turn.kind, turn.lang, turn.article, turn.topic
    choices = [slug for slug in (turn.choices or []) if assistant.library.get(slug)]
    with force_locale(lang):
        if kind == "answer" and article and assistant.library.get(article):
            return assistant.article_reply(article, lang, turn.question)
        if kind == "choices" and choices:
            return assistant.clarify_reply(choices, lang)
        if kind == "crisis":
            follows = (
                assistant.article_reply(article, lang, turn.question) if assistant.library.get(article or "") else None
            )
            return crisis_reply(lang, follows=follows)
        if kind == "action":
            return action_reply(lang, citizen)
        if kind == "own_case":
            return own_case_reply(lang, citizen, topic)
        if kind == "out_of_scope":
            return out_of_scope_reply(lang, topic)
        if kind == "greeting":
            return greeting_reply(lang)
        return dont_know_reply(lang, citizen)
