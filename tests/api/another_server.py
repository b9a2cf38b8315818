"""Another app server on the same database, in a process of its own: it calls /api/v1/me with a
token a number of times and prints the status codes, one per line.

python -m tests.api.another_server DATABASE_URL TOKEN RATE_LIMIT CALLS [NOW]

NOW (ISO, UTC) is the calling test's time: the other server keeps the same clock, which TEST_TODAY may
have moved away from the real one.
"""

import sys
from datetime import datetime

import time_machine

from tests.databases import app_for


def main(url: str, secret: str, rate: str, calls: int) -> None:
    app = app_for(url)
    app.config["API_RATE_LIMIT"] = rate
    client = app.test_client()
    for _ in range(calls):
        print(client.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"}).status_code)


if __name__ == "__main__":
    if len(sys.argv) > 5:
        time_machine.travel(datetime.fromisoformat(sys.argv[5]), tick=True).start()
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
