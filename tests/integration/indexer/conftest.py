"""A throwaway PostgreSQL database for the session (127.0.0.1:5432, user postgres, trust).

Unreachable server: the tests skip, or fail when `CI` is set (CI must provide PostgreSQL).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest

from tests.conftest import IN_CI

# The server CI and the dev container provide; override to point the tests elsewhere.
ADMIN_DSN = os.environ.get(
    "NEWSFLOW_TEST_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres"
)
# Long enough for a local server under load, short enough not to stall a run without one.
CONNECT_TIMEOUT_SECONDS = 5.0


async def _admin() -> asyncpg.Connection:
    try:
        return await asyncpg.connect(ADMIN_DSN, timeout=CONNECT_TIMEOUT_SECONDS)
    except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
        message = f"PostgreSQL at {ADMIN_DSN} is unreachable: {type(exc).__name__}: {exc}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
async def pg_dsn() -> AsyncIterator[str]:
    """The DSN of a database created for this session and dropped after it."""
    name = f"newsflow_test_{uuid.uuid4().hex}"
    admin = await _admin()
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    base = ADMIN_DSN.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    admin = await _admin()
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture
async def empty_pg(pg_dsn: str) -> str:
    """The session database with every table dropped, so each test starts from nothing."""
    conn = await asyncpg.connect(pg_dsn, timeout=CONNECT_TIMEOUT_SECONDS)
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    finally:
        await conn.close()
    return pg_dsn
