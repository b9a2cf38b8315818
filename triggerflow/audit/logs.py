"""Where the logs go, and what they never hold.

Security events (audit.security_log) go as JSON lines to SECURITY_LOG_FILE, reopened when
logrotate moves it, or to standard error. The request lines that werkzeug's and gunicorn's
servers log have the values of secret-looking query parameters (token, password, code, key,
secret, session) replaced, so a secret put in a URL by mistake is not written down with it.
"""

import logging
import re
import sys
from logging.handlers import WatchedFileHandler

from flask import Flask

SECURITY_LOGGER = "triggerflow.security"
REQUEST_LOGGERS = ("werkzeug", "gunicorn.access", "gunicorn.error")
_SECRET_PARAMETER = re.compile(
    r"([?&][^=&\s\"]*(?:token|password|secret|code|key|session)[^=&\s\"]*=)[^&\s\"]*", re.IGNORECASE
)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _SECRET_PARAMETER.sub(r"\1[redacted]", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def configure(app: Flask) -> None:
    security = logging.getLogger(SECURITY_LOGGER)
    # Logging is per process: a second app made in it (the tests make many) replaces the handler.
    for old in [h for h in security.handlers if getattr(h, "installed_by_triggerflow", False)]:
        security.removeHandler(old)
        old.close()
    path = app.config["SECURITY_LOG_FILE"]
    handler = WatchedFileHandler(path, encoding="utf-8", delay=True) if path else logging.StreamHandler(sys.stderr)
    handler.installed_by_triggerflow = True
    handler.setFormatter(logging.Formatter("%(message)s"))  # each message is already a JSON line
    security.addHandler(handler)
    security.setLevel(logging.INFO)
    security.propagate = False  # one line per event, whatever the root logger does
    for name in REQUEST_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecrets) for f in logger.filters):
            logger.addFilter(RedactSecrets())
