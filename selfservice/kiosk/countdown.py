"""The words around the kiosk's idle countdown, for every second it shows.

One sentence with the number in it (a plural message), not two halves around a number: the words after a number
depend on the number in many languages (ar has six forms, uk and pl three), and they change as the countdown runs,
so the page carries the words for every second and static/js/kiosk.js swaps them with the number.
"""

from flask_babel import ngettext

from . import bp

MARK = "\x00"  # stands for the number while the sentence is cut in two


@bp.app_template_global("kiosk_countdown_words")
def countdown_words(seconds: int) -> dict:
    """`pairs`: each different (text before, text after) the number; `at[n]`: the pair for n = 0 … seconds."""
    pairs: list[tuple[str, str]] = []
    at = []
    for n in range(max(seconds, 0) + 1):
        sentence = ngettext(
            "The screen will be cleared for the next person in %(seconds)s second.",
            "The screen will be cleared for the next person in %(seconds)s seconds.",
            n,
            seconds=MARK,
        )
        before, _, after = sentence.partition(MARK)
        pair = (before, after.replace(MARK, str(n)))
        if pair not in pairs:
            pairs.append(pair)
        at.append(pairs.index(pair))
    return {"pairs": pairs, "at": at}
