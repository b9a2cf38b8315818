"""What gunicorn serves in the benchmark: the app on the benchmark database, and beside it in the same
server a bare Flask hello-world, so a page's throughput is read as a share of the most the same server
can do. The hello-world is an app of its own (bench.cpu.hello_world): none of TriggerFlow's work around
each request (its session, its headers, its limits) is in it."""

import os

from werkzeug.middleware.dispatcher import DispatcherMiddleware

from bench.config import bench_config
from bench.cpu import hello_world
from bench.load import HELLO_MOUNT
from triggerflow import create_app

app = DispatcherMiddleware(
    create_app(bench_config(os.environ["BENCH_DATABASE_URL"], os.environ["BENCH_SECRET_KEY"])),
    {HELLO_MOUNT: hello_world()},
)
