"""Reading the development mail folder: the .eml files the folder transport wrote."""

from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path

from triggerflow.notifications.transports import FILE_NAME, mail_folder


@dataclass(frozen=True)
class StoredMessage:
    name: str
    sent: datetime | None
    to: str
    subject: str
    body: str


def _read(path: Path) -> StoredMessage:
    message: EmailMessage = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    body = message.get_body(preferencelist=("plain",))
    return StoredMessage(
        name=path.name,
        sent=parsedate_to_datetime(message["Date"]) if message["Date"] else None,
        to=str(message["To"] or "").strip(),
        subject=str(message["Subject"] or "").strip(),
        body=body.get_content() if body else "",
    )


def stored_messages() -> list[StoredMessage]:
    """Every message in the folder, newest first."""
    folder = mail_folder()
    if not folder.is_dir():
        return []
    names = sorted((p.name for p in folder.iterdir() if FILE_NAME.match(p.name)), reverse=True)
    return [_read(folder / name) for name in names]


def stored_message(name: str) -> StoredMessage | None:
    """One message by its file name; None for anything that is not a message file in the folder."""
    if not FILE_NAME.match(name):
        return None
    path = mail_folder() / name
    return _read(path) if path.is_file() else None
