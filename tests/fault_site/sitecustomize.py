"""Imported by Python at start-up in processes the tests spawn with `tests.faults.spawn_env`."""

import os

if os.environ.get("NEWSFLOW_TEST_FAULT"):
    from tests.faults import install

    install()
