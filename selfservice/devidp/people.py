"""The people the development identity provider can sign in as. `flask demo seed` links them to demo records."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPerson:
    subject: str
    name: str
    kind: str  # citizen | staff
    birthdate: str | None = None
    email: str | None = None
    description: str = ""


PEOPLE = [
    DemoPerson(
        "demo-amira",
        "Amira Hassan",
        "citizen",
        "1991-04-12",
        description="Arabic · kontanthjælp · first meeting in a few days · form not started",
    ),
    DemoPerson(
        "demo-jens",
        "Jens Nielsen",
        "citizen",
        "1974-09-03",
        description="Danish · dagpenge · 52 · a plan with activities",
    ),
    DemoPerson(
        "demo-olena",
        "Olena Kovalenko",
        "citizen",
        "1986-01-27",
        description="Ukrainian · ressourceforløb · a video meeting",
    ),
    DemoPerson("demo-new", "Sofie Jensen", "citizen", "2001-06-30", description="Not yet known to the jobcentre"),
    DemoPerson(
        "demo-karen",
        "Karen Holm",
        "staff",
        email="karen.holm@demokommune.dk",
        description="Caseworker · Team Nord",
    ),
    DemoPerson(
        "demo-peter",
        "Peter Lund",
        "staff",
        email="peter.lund@demokommune.dk",
        description="Caseworker · Team Syd",
    ),
    DemoPerson("demo-admin", "Anne Admin", "staff", email="admin@demokommune.dk", description="Administrator"),
]


def by_subject(subject: str) -> DemoPerson | None:
    return next((p for p in PEOPLE if p.subject == subject), None)
