"""Configuration classes. Secrets and the database come from the environment."""

import os
import tempfile
from pathlib import Path
from typing import ClassVar

from flask.helpers import get_debug_flag

DEFAULT_SECRET_KEY = "dev-only-secret-key-not-for-production"


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", DEFAULT_SECRET_KEY)
    # A relative SQLite path is resolved inside the Flask instance folder.
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///triggerflow.db")
    # Each app process keeps a pool of database connections (PostgreSQL; see docs/deploy.md):
    # every server's workers x (size + overflow) must fit the database's max_connections.
    DATABASE_POOL_SIZE = int(os.environ.get("DATABASE_POOL_SIZE", "5"))
    DATABASE_MAX_OVERFLOW = int(os.environ.get("DATABASE_MAX_OVERFLOW", "5"))
    DATABASE_POOL_TIMEOUT = int(os.environ.get("DATABASE_POOL_TIMEOUT", "10"))  # seconds to wait for one
    DATABASE_POOL_RECYCLE = int(os.environ.get("DATABASE_POOL_RECYCLE", "1800"))  # seconds; under any idle cut-off
    # How many proxies (load balancers) in front set X-Forwarded-For and -Proto; 0 when none.
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
    SECURITY_MARKING = "OFFICIAL-SENSITIVE"
    SERVICE_NAME = "TriggerFlow"
    DEMO_DATA_ALLOWED = True
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
    # Larger bodies are refused with 413. The largest real one, a section with every box filled to
    # its limit in four-byte characters, percent-encoded, is about 720 KB.
    MAX_CONTENT_LENGTH = MAX_FORM_MEMORY_SIZE = 1024 * 1024
    # Sessions live in the user_sessions table; the cookie holds a random id (triggerflow.accounts.sessions).
    SESSION_COOKIE_NAME = "triggerflow_session"  # tests and development run over plain http
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_IDLE_MINUTES = 30
    SESSION_ABSOLUTE_HOURS = 12
    SESSION_PROTECTION = None  # Flask-Login's own check: the session table does this job
    # Signing in: after this many failures in a row an account is locked for a minute, doubling with
    # each further failure up to the maximum; an address with this many failures in the window waits.
    SIGN_IN_LOCKOUT_AFTER = 5
    SIGN_IN_LOCKOUT_MAX_MINUTES = 60
    SIGN_IN_ADDRESS_FAILURES = 50
    SIGN_IN_ADDRESS_WINDOW_MINUTES = 15
    # Roles that must sign in with a code from an authenticator app as well as a password.
    TWO_FACTOR_REQUIRED_ROLES = ("assessor", "manager", "admin")
    PAGE_SIZE = 25
    # Requests per token to the API, counted by every server together (triggerflow.api.limits).
    API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "300 per minute")
    # The forms list counts each state up to this many, then says "more than": a count of every form
    # in a national scope would read every form on every visit.
    LIST_COUNT_CAP = 1000
    RESUBMIT_WITHIN_DAYS = 14
    PASSWORD_HASHING = "standard"  # see triggerflow.accounts.passwords.PROFILES
    # Time (DESIGN section 6): resubmit-by above; these for assessment, lapse and reminders.
    ASSESSMENT_WITHIN_WORKING_DAYS = 10
    LAPSE_AFTER_DAYS = 28
    REMIND_WORKING_DAYS_BEFORE = 2
    # The threat register (DESIGN section 9): days after acceptance for the LRO and the 4P plan,
    # and days between reviews by MoRiLE priority.
    LRO_WITHIN_DAYS = 7
    PLAN_WITHIN_DAYS = 28
    REVIEW_EVERY_DAYS: ClassVar[dict[str, int]] = {"high": 28, "medium": 56, "low": 91}
    # E-mail: "smtp" sends through MAIL_SERVER; "folder" writes .eml files to MAIL_FOLDER
    # (instance/mail when unset) and shows them at /mail when MAIL_PAGE is on.
    MAIL_TRANSPORT = os.environ.get("MAIL_TRANSPORT", "smtp")
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "").lower() in ("1", "true", "yes")
    MAIL_FROM = os.environ.get("MAIL_FROM", "TriggerFlow <triggerflow@localhost>")
    MAIL_TIMEOUT = 30
    MAIL_FOLDER = os.environ.get("MAIL_FOLDER")
    MAIL_PAGE = False
    MAIL_SEND_AFTER_REQUEST = False  # send straight after each request (the local folder only)
    MAIL_RETRY_SECONDS = 60  # doubled after each failed attempt, up to MAIL_RETRY_MAX_SECONDS
    MAIL_RETRY_MAX_SECONDS = 6 * 60 * 60
    MAIL_MAX_ATTEMPTS = 10
    # Links in e-mails point here.
    SERVICE_URL = os.environ.get("SERVICE_URL", "http://127.0.0.1:5000")
    # Security events as JSON lines: to this file when set (reopened if rotated), else standard error.
    SECURITY_LOG_FILE = os.environ.get("SECURITY_LOG_FILE")
    HSTS = False  # Strict-Transport-Security: production only, where the service is behind https

    @classmethod
    def validate(cls) -> None:
        """Refuse to start with settings that are unsafe for this environment."""


class DevelopmentConfig(Config):
    DEBUG = False
    # The demo works without a phone; anyone may still set up two-factor sign-in from their account.
    TWO_FACTOR_REQUIRED_ROLES = ()
    MAIL_TRANSPORT = os.environ.get("MAIL_TRANSPORT", "folder")
    MAIL_PAGE = True
    MAIL_SEND_AFTER_REQUEST = True


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret-key"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    WTF_CSRF_ENABLED = False
    PASSWORD_HASHING = "fast-for-tests"
    TWO_FACTOR_REQUIRED_ROLES = ()  # tests that need it say so
    MAIL_TRANSPORT = "folder"
    MAIL_FOLDER = str(Path(tempfile.gettempdir()) / "triggerflow-test-mail")  # tests set their own
    MAIL_PAGE = True


class ProductionConfig(Config):
    DEMO_DATA_ALLOWED = False
    # __Host-: the browser sends it only over https to this exact host, and no subdomain can set it.
    SESSION_COOKIE_NAME = "__Host-triggerflow_session"
    SESSION_COOKIE_SECURE = True
    HSTS = True

    @classmethod
    def validate(cls) -> None:
        if getattr(cls, "DEBUG", False) or get_debug_flag():
            raise RuntimeError("Production never runs in debug mode: unset FLASK_DEBUG and drop --debug.")
        if not cls.SECRET_KEY or cls.SECRET_KEY == DEFAULT_SECRET_KEY:
            raise RuntimeError("Set SECRET_KEY: production refuses to start with the default secret key.")
        if os.environ.get("TRIGGERFLOW_DEMO_DATA"):
            raise RuntimeError("Production refuses to start with demo data: unset TRIGGERFLOW_DEMO_DATA.")
        if cls.PASSWORD_HASHING != "standard":
            raise RuntimeError("Production hashes passwords with the standard Argon2id profile only.")


CONFIGS = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}


def config_from_environment() -> type[Config]:
    """The config named by TRIGGERFLOW_ENV; production unless told otherwise."""
    name = os.environ.get("TRIGGERFLOW_ENV", "production")
    try:
        return CONFIGS[name]
    except KeyError:
        raise RuntimeError(f"TRIGGERFLOW_ENV must be one of {', '.join(CONFIGS)}, not {name!r}") from None
