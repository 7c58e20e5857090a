"""Extensions are created here, unbound, and wired to an app in create_app (the init_app pattern)."""

from typing import TYPE_CHECKING, Any, cast

import flask_babel
from authlib.integrations.flask_client import OAuth
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import CursorResult, Delete, MetaData, Update
from sqlalchemy.orm import DeclarativeBase
from werkzeug.utils import cached_property


class Base(DeclarativeBase):
    # Named constraints so Alembic migrations are the same on SQLite and PostgreSQL.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class RequestTranslationsDomain(flask_babel.Domain):
    """Looks the request's catalogue up once per request instead of once per string.

    Why: Flask-Babel resolves the locale and the catalogue again for every translated string, and a page has a
    few hundred of them (labels, dates, the header and footer): that was a fifth of a page's time. The catalogue
    is kept where Flask-Babel itself keeps per-request state, so `force_locale` (e-mails, the assistant's reply
    language) and `refresh` still switch it.
    """

    def get_translations(self):
        ctx = flask_babel._get_current_context()
        if ctx is None:
            return super().get_translations()
        translations = getattr(ctx, "babel_translations", None)
        if translations is None:
            translations = ctx.babel_translations = super().get_translations()
        return translations


class Babel(flask_babel.Babel):
    @cached_property
    def domain_instance(self):
        return RequestTranslationsDomain(domain=self.domain)


db = SQLAlchemy(model_class=Base)
# The base class for the models. Type checkers cannot use `db.Model` as a base class (it is made at run time,
# python/mypy#8603), so they are shown Base, from whose body Flask-SQLAlchemy builds db.Model.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model
migrate = Migrate()
babel = Babel()
csrf = CSRFProtect()
login_manager = LoginManager()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
oauth = OAuth()


def rows_changed(statement: Update | Delete) -> int:
    """Runs an UPDATE or DELETE in the current session; how many rows it changed.

    Such a statement always gives a CursorResult, which has the row count, but Session.execute is typed to return a
    plain Result since SQLAlchemy 2.0.44; the cast is what SQLAlchemy's changelog recommends.
    """
    return cast(CursorResult[Any], db.session.execute(statement)).rowcount
