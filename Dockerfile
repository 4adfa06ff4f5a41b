# syntax=docker/dockerfile:1
# One image for every Newsflow service; the compose file picks the service with the command
# (`newsflow fetcher`, `newsflow extractor`, `newsflow indexer`).

# --- build: resolve and install the project into a virtualenv that the runtime stage copies ---
FROM python:3.11-slim AS build

# No cache in the image layer, and no nagging about pip's version in build logs.
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /src
# The spaCy model is a pinned pip dependency of the project, so `pip install .` brings it in
# with everything else; there is no separate `spacy download` step.
COPY pyproject.toml README.md ./
COPY shared ./shared
COPY services ./services
RUN pip install .

# --- runtime: the virtualenv only, no sources and no build leftovers, run as a non-root user ---
FROM python:3.11-slim

# A fixed, unprivileged id so volume ownership is predictable across rebuilds and hosts. The
# state directory is created here so a fresh named volume mounted on it inherits this owner.
ARG NEWSFLOW_UID=10001
RUN groupadd --system --gid "${NEWSFLOW_UID}" newsflow \
    && useradd --system --uid "${NEWSFLOW_UID}" --gid newsflow \
        --home-dir /var/lib/newsflow --no-create-home --shell /usr/sbin/nologin newsflow \
    && install -d -o newsflow -g newsflow -m 0750 /var/lib/newsflow

COPY --from=build /opt/venv /opt/venv

# Unbuffered so JSON log lines reach `docker logs` as they are written; no .pyc files in a
# read-only-friendly image.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    NEWSFLOW_STATE_DIR=/var/lib/newsflow

USER newsflow
WORKDIR /var/lib/newsflow

# Health checks live in docker-compose.yml (each service has its own port); the slim image has
# no curl, so they use this image's Python.
ENTRYPOINT ["newsflow"]
CMD ["--help"]
