"""gunicorn's settings for TriggerFlow: `make serve` and production (`gunicorn wsgi:app` reads this
file from the working directory). Each server is stateless: any worker on any host can answer
any request, as sessions, rate limits, lockouts and the outbox live in the database.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# gunicorn's advice for the number of workers: two per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Threads keep a worker's heartbeat going while one of them streams a long CSV download; each
# thread holds at most one database connection, within the pool's DATABASE_POOL_SIZE.
worker_class = "gthread"
threads = int(os.environ.get("THREADS", "2"))
timeout = 60
graceful_timeout = 30
keepalive = 5  # seconds; shorter than the load balancer's idle timeout
# Replace each worker now and then, at different times, so no slow leak can build up.
max_requests = 5000
max_requests_jitter = 500
accesslog = os.environ.get("ACCESS_LOG", "-") or None  # "-" is standard output; empty turns it off
# The load balancer's address, whose X-Forwarded-Proto gunicorn believes (PROXY_COUNT does the rest).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker) -> None:
    # What the worker has loaded by now (modules, mappers, templates) lives as long as it does, and
    # each of the collector's full passes walked all of it: a fifth of a millisecond a request on
    # average (bench/cpu.py). Frozen, the passes walk only what requests make.
    gc.freeze()
