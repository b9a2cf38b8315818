"""Where e-mail goes: an SMTP server, or (in development) .eml files in a local folder."""

import re
import smtplib
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Protocol
from uuid import uuid4

from flask import current_app

from triggerflow.db import utcnow
from triggerflow.models import OutboxMessage

FILE_NAME = re.compile(r"^[0-9]{8}T[0-9]{12}-[0-9a-f]{8}\.eml$")


class Transport(Protocol):
    def send(self, message: EmailMessage) -> None: ...


def build(row: OutboxMessage) -> EmailMessage:
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_FROM"]
    message["To"] = row.to_address
    message["Subject"] = row.subject
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = make_msgid(idstring=f"outbox-{row.id}", domain="triggerflow.local")
    message.set_content(row.body)
    return message


class SMTPTransport:
    def __init__(self, config) -> None:
        self.config = config

    def send(self, message: EmailMessage) -> None:
        config = self.config
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=config["MAIL_TIMEOUT"]) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
            smtp.send_message(message)


class FolderTransport:
    """Writes each message to its own file, named so that a listing sorts oldest first."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, message: EmailMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{utcnow():%Y%m%dT%H%M%S%f}-{uuid4().hex[:8]}.eml"
        temporary = self.folder / f".{name}.tmp"
        temporary.write_bytes(bytes(message))
        temporary.replace(self.folder / name)  # readers never see half a file


def mail_folder() -> Path:
    folder = current_app.config["MAIL_FOLDER"]
    return Path(folder) if folder else Path(current_app.instance_path) / "mail"


def configured() -> Transport:
    kind = current_app.config["MAIL_TRANSPORT"]
    if kind == "smtp":
        return SMTPTransport(current_app.config)
    if kind == "folder":
        return FolderTransport(mail_folder())
    raise RuntimeError(f"MAIL_TRANSPORT must be smtp or folder, not {kind!r}")
