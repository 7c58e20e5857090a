"""Second reference for `make bench-load`: the minimal Flask app plus the least a database-backed page must do.

GET /<n> reads n rows by primary key through SQLAlchemy on the same PostgreSQL, on one pooled connection with
the same engine options as selfservice (checked with a ping when taken from the pool), and nothing else: no
session, no template, no sign-in. A signed-in page must look up at least who is asking and then what to show, so
GET /2 says how far below the hello-world ceiling any signed-in page of this stack sits before it does anything.
"""

import os
import random

from flask import Flask
from markupsafe import escape
from sqlalchemy import create_engine, text

app = Flask(__name__)
engine = create_engine(os.environ["SELFSERVICE_DATABASE_URL"], pool_pre_ping=True)
QUERY = text("SELECT name FROM citizen WHERE id = :id")
HIGHEST_ID = 5000


@app.get("/<int:count>")
def lookups(count: int):
    names = []
    with engine.connect() as connection:
        for _ in range(min(count, 10)):
            names.append(connection.execute(QUERY, {"id": random.randint(1, HIGHEST_ID)}).scalar() or "")
    return "hello " + ", ".join(str(escape(name)) for name in names)
