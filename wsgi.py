"""Entry point for WSGI servers: `gunicorn wsgi:app`."""

from triggerflow import create_app

app = create_app()
