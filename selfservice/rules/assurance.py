"""Levels of assurance (NSIS, as MitID brokers report them in the `acr` claim).

Why a rule of its own: a municipality decides which level a citizen must have signed in with, and a sign-in at a
lower level must be refused, whatever the broker sends.
"""

NSIS_PREFIX = "https://data.gov.dk/concept/core/nsis/loa/"
ORDER = ["low", "substantial", "high"]


def level_uri(level: str) -> str:
    return NSIS_PREFIX + level.capitalize()


def normalise(acr: str | None) -> str | None:
    """Accept the NSIS URI or the bare word; anything unknown is no level at all."""
    if not acr:
        return None
    word = acr.rsplit("/", 1)[-1].strip().lower()
    return word if word in ORDER else None


def satisfies(acr: str | None, required: str) -> bool:
    given = normalise(acr)
    needed = normalise(required)
    if needed is None:
        raise ValueError(f"unknown required level of assurance: {required!r}")
    return given is not None and ORDER.index(given) >= ORDER.index(needed)
