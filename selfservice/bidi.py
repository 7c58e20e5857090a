"""Danish and other Latin-script words inside text in another language, above all inside Arabic and Farsi.

Why: in a right-to-left sentence the browser places a Latin-script term by looking at the characters around it, and
it may break a line at any ASCII hyphen. On a 360 px phone "a-kasse" broke into "-a" at the end of one line and
"kasse" on the next, and a Danish source title showed its closing full stop at its left end (".forhøjet
dagpengesats på 110 pct"; front-end audit 2026-12, 3.4). Two remedies, used together:

- an isolate, `<bdi dir="ltr">`: the term is laid out left to right on its own, and the sentence around it cannot
  pull its punctuation to the other end;
- a non-breaking hyphen (U+2011) between letters, so that a hyphenated term stays on one line.

`danish` is for text we know is Danish wherever it is shown (source titles); `isolate_latin` finds the Latin-script
runs in text of a right-to-left language, plain or rendered HTML, and leaves left-to-right languages as they are.
Translation catalogues cannot carry markup, so their Arabic and Farsi strings carry the non-breaking hyphen itself
(scripts/nonbreaking_hyphens.py writes it; tests/unit/test_bidi.py fails on an ASCII one).
"""

import html
import re
from collections.abc import Callable

from markupsafe import Markup, escape

from .i18n import direction

LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # ASCII and Latin-1/Extended letters (not × and ÷)
NON_BREAKING_HYPHEN = "\u2011"
HYPHEN_IN_WORD = re.compile(rf"(?<=[{LATIN}])-(?=[{LATIN}])")
# A run of Latin-script words: "a-kasse", "Lev Uden Vold", "jobnet.dk", "DU3". Only characters that the bidi
# algorithm would anyway lay out with the words may join them: brackets stay outside (paired with their partner in
# the sentence) and so does a number standing alone ("§ 91" reads right in Arabic as it is).
_WORD = rf"[0-9]*[{LATIN}][{LATIN}0-9]*"
LATIN_RUN = re.compile(rf"{_WORD}(?:[\s\-.,/:'’&+@_]+{_WORD})*")
_NOT_PROSE = re.compile(r"%\(\w+\)[sdif]|\{\w*\}|\S+://\S+|\S+@\S+")  # placeholders and addresses
# A tag of serialised HTML, with quoted attribute values (which may hold ">").
_TAG = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")
_BDI = re.compile(r"</?bdi[\s>]", re.IGNORECASE)


def nonbreaking_hyphens(text: str) -> str:
    """Every ASCII hyphen between two Latin letters as U+2011: "a-kasse" cannot break at the end of a line."""
    return HYPHEN_IN_WORD.sub(NON_BREAKING_HYPHEN, text)


def catalogue_hyphens(text: str) -> str:
    """A translated string of a right-to-left language with non-breaking hyphens in its words; placeholders, web
    and e-mail addresses stay as written (someone may copy them)."""
    out, position = [], 0
    for kept in _NOT_PROSE.finditer(text):
        out += [nonbreaking_hyphens(text[position : kept.start()]), kept.group()]
        position = kept.end()
    return "".join([*out, nonbreaking_hyphens(text[position:])])


def danish(text) -> Markup:
    """A Danish term or title inside a page in any language: `{{ source.title|danish }}`."""
    if isinstance(text, Markup):
        inner = Markup(_map_text(str(text), nonbreaking_hyphens))  # noqa: S704 - only text between tags changes
    else:
        inner = escape(nonbreaking_hyphens(str(text)))
    return Markup('<bdi lang="da" dir="ltr">{}</bdi>').format(inner)


def isolate_latin(text, lang: str) -> Markup:
    """`text` (plain, or HTML as Markup) in language `lang`, with each Latin-script run isolated left to right when
    `lang` is written right to left: `{{ text.summary|isolate_latin(text.lang) }}`. Only text between tags
    changes, never a tag or an attribute; a left-to-right language's text is returned as it came (escaped)."""
    markup = escape(text)
    if direction(lang) != "rtl":
        return markup
    return Markup(_map_text(str(markup), _isolate_runs))  # noqa: S704 - text re-escaped piece by piece


def _isolate_runs(escaped: str) -> str:
    plain = html.unescape(escaped)
    if not LATIN_RUN.search(plain):
        return escaped
    out, position = [], 0
    for run in LATIN_RUN.finditer(plain):
        out.append(escape(plain[position : run.start()]))
        out.append(Markup('<bdi dir="ltr">{}</bdi>').format(nonbreaking_hyphens(run.group())))
        position = run.end()
    out.append(escape(plain[position:]))
    return "".join(out)


def _map_text(markup: str, change: Callable[[str], str]) -> str:
    """`change` applied to each piece of (escaped) text between tags; the tags, and any text already inside a
    `<bdi>`, are kept exactly."""
    out, position, inside_bdi = [], 0, 0
    for tag in _TAG.finditer(markup):
        text = markup[position : tag.start()]
        out.append(text if inside_bdi else change(text))
        out.append(tag.group())
        if _BDI.match(tag.group()):
            closing = tag.group().startswith("</")
            inside_bdi = max(inside_bdi - 1, 0) if closing else inside_bdi + 1
        position = tag.end()
    text = markup[position:]
    out.append(text if inside_bdi else change(text))
    return "".join(out)
