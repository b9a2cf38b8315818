"""The production configuration, pointed at a benchmark database and served over plain HTTP."""

import tempfile
from pathlib import Path

from config import ProductionConfig


def bench_config(url: str, secret_key: str) -> type[ProductionConfig]:
    class BenchConfig(ProductionConfig):
        SQLALCHEMY_DATABASE_URI = url
        SECRET_KEY = secret_key  # shared by the in-process client and gunicorn: one cookie serves both
        SESSION_COOKIE_SECURE = False  # wrk and the test client speak HTTP on loopback
        MAIL_TRANSPORT = "folder"
        MAIL_FOLDER = str(Path(tempfile.gettempdir()) / "triggerflow-bench-mail")
        API_RATE_LIMIT = "1000000 per minute"
        TWO_FACTOR_REQUIRED_ROLES = ()  # the people timed sign in with a password; signing in is not timed

    return BenchConfig
