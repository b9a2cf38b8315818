"""An app that serves the OpenAPI document with no database behind it, for reading it at import."""

from config import TestConfig
from triggerflow import create_app


class DocumentConfig(TestConfig):
    RATELIMIT_STORAGE_URI = "memory://"  # the API's limits count in a table no database here has


def document_app():
    return create_app(DocumentConfig)
