"""Form input as people can type it: control characters are removed where requests come in.

Why at the boundary and not in each form: no keyboard produces NUL or the other C0 control characters, PostgreSQL
text cannot even hold NUL, and a stray one pasted from a PDF must neither crash a save nor reach a caseworker's
screen; neither must the invisible C1 controls. Tab and line breaks stay. Every form therefore validates and
stores exactly the text that was accepted.
"""

import re

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    return CONTROL.sub("", text)


class CleanRequest(Request):
    def _load_form_data(self) -> None:
        super()._load_form_data()
        form = self.__dict__.get("form")
        if form is not None:
            self.__dict__["form"] = ImmutableMultiDict([(key, clean(value)) for key, value in form.items(multi=True)])
