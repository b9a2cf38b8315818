"""`python -m bench --profile`: where the main pages spend their time, as pyinstrument reports.

One HTML report per page in instance/profiles/, each over several requests on a database of
the first size given, to read before changing a query or a template.
"""

import secrets
from datetime import date
from pathlib import Path

from pyinstrument import Profiler

from bench import dataset
from bench.client import signed_in
from bench.config import bench_config
from bench.pages import LISTS
from bench.run import SEED, database
from triggerflow import create_app

REQUESTS = 20


def profile_pages(size: int, backend: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with database(backend) as url:
        app = create_app(bench_config(url, secrets.token_hex(32)))
        dataset.prepare(app)
        dataset.grow(app, size, SEED, date.today())
        people = dataset.people(app)
        for page in LISTS:
            client, path = signed_in(app, getattr(people, page.who)), page.path.format(form=people.form)
            client.get(path)
            profiler = Profiler(interval=0.0005)
            with profiler:
                for _ in range(REQUESTS):
                    client.get(path)
            target = folder / f"{backend}-{size}-{page.name.lower().replace(' ', '-').replace(',', '')}.html"
            target.write_text(profiler.output_html(), encoding="utf-8")
            print(f"{page.name}: {target}")
