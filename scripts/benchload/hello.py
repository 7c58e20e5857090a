"""The ceiling for `make bench-load`: the smallest Flask app, served by gunicorn exactly like selfservice."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "hello"
