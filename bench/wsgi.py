"""What gunicorn serves in the benchmark: the app on the benchmark database, and a hello-world
route beside it, so a page's throughput is read as a share of the most the same server can do."""

import os

from bench.config import bench_config
from bench.load import HELLO_PATH
from triggerflow import create_app
from triggerflow.access import PUBLIC, allow

app = create_app(bench_config(os.environ["BENCH_DATABASE_URL"], os.environ["BENCH_SECRET_KEY"]))


@allow(PUBLIC)
def hello() -> str:
    return "Hello, world"


app.add_url_rule(HELLO_PATH, view_func=hello)
