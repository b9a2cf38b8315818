"""gunicorn.conf.py: the hooks it defines are gunicorn's, and each does what it says."""

import gc
import runpy
from pathlib import Path

from gunicorn.config import KNOWN_SETTINGS

CONFIG = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"


def test_each_worker_freezes_what_it_loaded_before_its_first_request():
    settings = runpy.run_path(str(CONFIG))
    assert "post_worker_init" in {setting.name for setting in KNOWN_SETTINGS}  # a misspelt hook is never called
    gc.unfreeze()
    try:
        settings["post_worker_init"](worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
