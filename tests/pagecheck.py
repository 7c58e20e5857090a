"""Structure checks for every rendered page (after Notify's client_request): one <h1>, a <title>, no duplicate
ids, every field labelled, <html lang dir> from the language registry, and scripts carrying the CSP nonce."""

import re
from collections import Counter

from bs4 import BeautifulSoup

from selfservice.i18n import LANGUAGES

UNLABELLED_OK = {"hidden", "submit", "button", "reset", "image"}


def page_problems(html: str, csp: str | None = None) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    root = soup.find("html")
    lang = root.get("lang") if root else None
    if lang not in LANGUAGES:
        problems.append(f"<html lang> is {lang!r}")
    elif root.get("dir") != LANGUAGES[lang].direction:
        problems.append(f"<html dir> is {root.get('dir')!r} for {lang}")
    h1s = soup.find_all("h1")
    if len(h1s) != 1:
        problems.append(f"{len(h1s)} <h1> elements")
    title = soup.find("title")
    if title is None or not title.get_text(strip=True):
        problems.append("no <title>")
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    problems.extend(f"duplicate id {i!r}" for i, n in ids.items() if n > 1)
    labels_for = {label.get("for") for label in soup.find_all("label")}
    for field in soup.find_all(["input", "select", "textarea"]):
        if field.name == "input" and field.get("type", "text") in UNLABELLED_OK:
            continue
        labelled = (
            field.get("id") in labels_for
            or field.get("aria-label")
            or field.get("aria-labelledby")
            or field.find_parent("label")
        )
        if not labelled:
            problems.append(f"unlabelled field {field.get('name')!r}")
    nonce = None
    if csp:
        match = re.search(r"'nonce-([^']+)'", csp)
        nonce = match.group(1) if match else None
    for script in soup.find_all("script"):
        if script.get("nonce") != nonce:
            problems.append("a <script> without this response's CSP nonce")
    return problems
