"""Configuration classes. Secrets and the database come from the environment."""
import os

DEFAULT_SECRET_KEY = "dev-only-secret-key-not-for-production"


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", DEFAULT_SECRET_KEY)
    # A relative SQLite path is resolved inside the Flask instance folder.
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///triggerflow.db")
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SECURITY_MARKING = "OFFICIAL-SENSITIVE"
    SERVICE_NAME = "TriggerFlow"
    DEMO_DATA_ALLOWED = True
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    PAGE_SIZE = 25
    RESUBMIT_WITHIN_DAYS = 14

    @classmethod
    def validate(cls) -> None:
        """Refuse to start with settings that are unsafe for this environment."""


class DevelopmentConfig(Config):
    DEBUG = False


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret-key"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    WTF_CSRF_ENABLED = False


class ProductionConfig(Config):
    DEMO_DATA_ALLOWED = False
    SESSION_COOKIE_SECURE = True

    @classmethod
    def validate(cls) -> None:
        if not cls.SECRET_KEY or cls.SECRET_KEY == DEFAULT_SECRET_KEY:
            raise RuntimeError("Set SECRET_KEY: production refuses to start with the default secret key.")
        if os.environ.get("TRIGGERFLOW_DEMO_DATA"):
            raise RuntimeError("Production refuses to start with demo data: unset TRIGGERFLOW_DEMO_DATA.")


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
