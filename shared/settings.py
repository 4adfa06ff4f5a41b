"""The settings base every service extends: `NEWSFLOW_` environment variables, read once.

Each service defines one subclass (its `settings.py`) and calls `load(SubClass)` at start; a bad
value stops the process with a message that names the variable.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic_core import ErrorDetails
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "NEWSFLOW_"
BROKER_STATE_FILE = "broker.json"


def per_service(service: str, field: str) -> AliasChoices:
    """The variables of a setting that services share by name but not by meaning (a batch, the
    ops port): `NEWSFLOW_<SERVICE>_<FIELD>` first, then the shared `NEWSFLOW_<FIELD>`, which
    keeps working where one environment serves one service (compose, a unit file). `newsflow
    up` passes one environment to all three, where only the first tells them apart."""
    return AliasChoices(_env_name(f"{service}_{field}"), _env_name(field))


class NewsflowSettings(BaseSettings):
    """What every Newsflow process needs: Kafka, the state directory, logging."""

    # populate_by_name: code and tests still pass a per-service setting by its field name.
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, extra="ignore", frozen=True, populate_by_name=True
    )

    state_dir: Path = Field(
        default=Path(".newsflow"), description="Shared state directory of all commands."
    )
    kafka_bootstrap: str | None = Field(
        default=None,
        description="host:port[,host:port]; unset means the bundled broker `newsflow up` "
        "recorded in the state directory.",
    )
    kafka_idempotence: bool | None = Field(
        default=None,
        description="Idempotent producer. Unset: on for a real Kafka, off for the bundled "
        "broker (Tansu 0.6 fails InitProducerId).",
    )
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "PLAIN"
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_cafile: Path | None = None
    kafka_ssl_certfile: Path | None = None
    kafka_ssl_keyfile: Path | None = None
    kafka_partitions: int = Field(
        default=4, ge=1, le=1024, description="Partitions of the topics created at start."
    )
    kafka_replication_factor: int = Field(default=1, ge=1, le=16)
    kafka_max_message_bytes: int = Field(
        # Articles of several hundred KB occur (long reads, live blogs); 4 MiB leaves room for
        # the enriched form, which carries the text plus every mention.
        default=4 * 1024 * 1024,
        ge=64 * 1024,
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["auto", "json", "text"] = Field(
        default="auto", description="auto: JSON when stderr is not a terminal."
    )
    max_retries: int = Field(
        default=3, ge=0, le=20, description="Retries of a failing message before the DLQ."
    )
    retry_backoff_seconds: float = Field(default=0.5, ge=0, le=60)


S = TypeVar("S", bound=NewsflowSettings)


class SettingsError(SystemExit):
    """Raised by `load` on a bad setting: exits with status 2 and a message naming it."""


def load(cls: type[S]) -> S:
    """Read settings once; on a bad value exit with a message naming the variable."""
    try:
        return cls()
    except ValidationError as exc:
        print("\n".join(_explain(cls, err) for err in exc.errors()), file=sys.stderr)
        raise SettingsError(2) from None


def _env_name(field: str) -> str:
    return ENV_PREFIX + field.upper()


def _explain(cls: type[NewsflowSettings], err: ErrorDetails) -> str:
    """One line naming the variable; a check across fields (no location) names each field its
    message mentions, in the message too."""
    if err["loc"]:
        where = "_".join(str(p) for p in err["loc"])
        # A per-service setting's location is the variable itself (its alias), prefix and all.
        name = where.upper() if where.upper().startswith(ENV_PREFIX) else _env_name(where)
        return f"invalid setting {name}: {err['msg']}"
    message = str(err["msg"]).removeprefix("Value error, ")
    named = [f for f in cls.model_fields if re.search(rf"\b{f}\b", message)]
    for field in named:
        message = re.sub(rf"\b{field}\b", _env_name(field), message)
    return f"invalid settings {', '.join(map(_env_name, named)) or 'together'}: {message}"


def broker_state_path(state_dir: Path) -> Path:
    return state_dir / BROKER_STATE_FILE


def write_bundled_broker(state_dir: Path, bootstrap: str, pid: int) -> None:
    """Record the bundled broker's address so other commands find it (`newsflow up`)."""
    state_dir.mkdir(parents=True, exist_ok=True)
    path = broker_state_path(state_dir)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"bootstrap": bootstrap, "pid": pid}))
    tmp.replace(path)


def clear_bundled_broker(state_dir: Path) -> None:
    broker_state_path(state_dir).unlink(missing_ok=True)


class NoBrokerError(RuntimeError):
    """No Kafka address: neither NEWSFLOW_KAFKA_BOOTSTRAP nor a running `newsflow up`."""


def resolve_bootstrap(settings: NewsflowSettings) -> tuple[str, bool]:
    """The bootstrap servers to use and whether they are the bundled broker.

    NEWSFLOW_KAFKA_BOOTSTRAP wins; else the address `newsflow up` wrote to the state directory.
    """
    if settings.kafka_bootstrap:
        return settings.kafka_bootstrap, False
    path = broker_state_path(settings.state_dir)
    try:
        data = json.loads(path.read_text())
        return str(data["bootstrap"]), True
    except (OSError, ValueError, KeyError) as exc:
        raise NoBrokerError(
            "no Kafka broker: set NEWSFLOW_KAFKA_BOOTSTRAP, or run `newsflow up` "
            f"(it records the bundled broker in {path})"
        ) from exc


def idempotence_for(settings: NewsflowSettings, bundled: bool) -> bool:
    if settings.kafka_idempotence is not None:
        return settings.kafka_idempotence
    return not bundled
