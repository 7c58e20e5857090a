"""Helpers for tests that sign staff in with a password, which now always needs a second step.

The code is made the way a phone's authenticator app makes it: with pyotp, from the secret the server stored (or,
during set-up, from the key the set-up page shows).
"""

import pyotp
from bs4 import BeautifulSoup
from sqlalchemy import select

from selfservice.auth import totp
from selfservice.extensions import db
from selfservice.models import StaffUser, utcnow


def set_up_authenticator(app, email: str) -> str:
    """Give an account a confirmed authenticator app, as if its owner had set one up; returns the secret."""
    secret = pyotp.random_base32()
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == email))
        user.totp_secret = secret
        user.totp_confirmed_at = utcnow()
        user.totp_last_step = None
        db.session.commit()
    return secret


def next_code(app, email: str) -> str:
    """A code the server has not seen yet: this step's, or the next step's if this one was just used."""
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == email))
        secret, last = user.totp_secret, user.totp_last_step
    step = totp.current_step()
    if last is not None and last >= step:
        step = last + 1
    return pyotp.TOTP(secret).generate_otp(step)


def hidden_fields(html: str) -> dict:
    form = BeautifulSoup(html, "html.parser").select_one("main form[method=post]")
    return {field["name"]: field.get("value", "") for field in form.find_all("input") if field.get("name")}


def shown_key(html: str) -> str:
    """The key the set-up page shows for typing, without its spaces."""
    return BeautifulSoup(html, "html.parser").find("code").get_text().replace(" ", "")


def complete_second_factor(browser, base_url: str, app, email: str, response):
    """After a correct password (a requests.Session on the live server): set up the app or type its code."""
    if response.url.endswith("/staff/login/set-up"):
        code = pyotp.TOTP(shown_key(response.text)).now()
        done = browser.post(response.url, data=hidden_fields(response.text) | {"code": code})
        assert done.status_code == 200, done.text
        continue_link = BeautifulSoup(done.text, "html.parser").select_one("main a.button-primary")
        return browser.get(base_url + continue_link["href"])
    assert response.url.endswith("/staff/login/code"), response.url
    return browser.post(response.url, data=hidden_fields(response.text) | {"code": next_code(app, email)})


def password_sign_in(browser, base_url: str, app, email: str, password: str):
    """The whole local sign-in over HTTP: password, then the second step."""
    form = browser.get(base_url + "/staff/login")
    after_password = browser.post(
        base_url + "/staff/login", data=hidden_fields(form.text) | {"email": email, "password": password}
    )
    return complete_second_factor(browser, base_url, app, email, after_password)


def client_password_sign_in(client, app, email: str, password: str):
    """The same with Flask's test client, for an account that already has an app (see set_up_authenticator)."""
    token = hidden_fields(client.get("/staff/login").get_data(as_text=True))["csrf_token"]
    first = client.post("/staff/login", data={"csrf_token": token, "email": email, "password": password})
    assert first.headers["Location"] == "/staff/login/code", first.status_code
    token = hidden_fields(client.get("/staff/login/code").get_data(as_text=True))["csrf_token"]
    return client.post("/staff/login/code", data={"csrf_token": token, "code": next_code(app, email)})
