"""Dagster resources: the DuckDB warehouse file and the folder articles are read from."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from pydantic import PrivateAttr

from pipelines.paths import DEFAULT_DB_PATH, SAMPLE_DIR
from pipelines.warehouse import apply_schema, configure_memory_limit, release_cache

LOCK_ERROR_MARKERS = ("Could not set lock", "Conflicting lock")
# No row-group merging at checkpoints. Each batch a stage commits becomes a small row group; DuckDB's
# vacuum later merges them into full ones (122,880 rows) in memory: for core.articles (~5 KB bodies) a
# 0.9 GB, 3-4 s spike at one checkpoint of the 100k clean step (its whole peak). Without it that step
# peaks at 1.47 GB instead of 2.26 GB, scans are as fast, and deleted rows still free their blocks.
MAX_VACUUM_TASKS = 0


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB file every asset reads and writes (env ``ACCORDWATCH_DB``)."""

    db_path: str = str(DEFAULT_DB_PATH)
    lock_wait_seconds: float = 120.0
    # DuckDB's buffer pool cap (it spills to disk beyond it); its default is 80% of the machine.
    memory_limit: str = "2GB"
    # The limit while the clean and extraction stages and the quality checks hold the connection (env
    # ``ACCORDWATCH_STREAM_MEMORY_LIMIT``): they stream and need little, and under the general limit DuckDB
    # keeps every block they write or scan cached (0.7 GB by the end of a 100k clean). Not the ingest:
    # writing the raw bodies under it took ~25 s longer at 100k.
    stream_memory_limit: str = "384MB"
    # Split irrelevant articles into core.sentences too (env ``ACCORDWATCH_SENTENCES_FOR_ALL_ARTICLES``).
    # Off: core.sentences holds the sentences of relevant articles, the only ones extraction reads.
    # Changing it changes the clean stage's version, so the next run re-cleans every article.
    sentences_for_all_articles: bool = False
    # One open database shared by every step of a run (env ``ACCORDWATCH_SHARE_RUN_CONNECTION``, default
    # on). Off: each step opens and closes the file (another process may open it between steps; each
    # step then pays the open and the closing checkpoint).
    share_run_connection: bool = True
    # Keep the snapshot a publish replaces as ``x.read.duckdb.spare`` (env ``ACCORDWATCH_KEEP_SNAPSHOT_SPARE``,
    # default on): the next publish rewrites only the spare's blocks that differ from the warehouse instead
    # of copying the whole file, at the cost of a third copy on disk (pipelines.automation.snapshot).
    keep_snapshot_spare: bool = True

    # The run's own connection (see setup_for_execution); None outside a run or until first used.
    _run_connection: duckdb.DuckDBPyConnection | None = PrivateAttr(default=None)
    _in_run: bool = PrivateAttr(default=False)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        """Within a run, every step shares one open database (opened on first use, closed at teardown).

        Opening the file costs its catalog load and closing it a checkpoint (~0.1-0.3 s on a 1.6 GB
        warehouse): paid once per run instead of once per step (a run has ~26 steps). The run keeps
        the write lock from its first step to its end; readers use the read-only snapshot meanwhile.
        """
        # not for sensors and schedules (no run, no writes)
        self._in_run = self.share_run_connection and context.run is not None

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        self._in_run = False
        if self._run_connection is not None:
            connection, self._run_connection = self._run_connection, None
            connection.close()

    @contextmanager
    def connect(self, read_only: bool = False, streaming: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the file, waiting while another process holds its lock.

        streaming: the caller reads and writes in batches (or scans for checks): DuckDB's memory limit
        is ``stream_memory_limit`` instead of ``memory_limit`` while it holds the connection.

        Outside a run: a connection of its own, closed afterwards. Inside a run: a cursor on the run's
        shared connection (read-write even when ``read_only`` is asked: one process holds one
        configuration of a file), closed afterwards while the database stays open for the next step.
        """
        shared = self._in_run
        if shared:
            if self._run_connection is None:
                self._run_connection = self._open(read_only=False)
                configure_memory_limit(self._run_connection, self.memory_limit)
            conn = self._run_connection.cursor()
        else:
            conn = self._open(read_only=read_only)
        try:
            conn.execute("SET enable_progress_bar = false")  # run logs, not a terminal
            configure_memory_limit(conn, self.stream_memory_limit if streaming else self.memory_limit)
            conn.execute(f"SET max_vacuum_tasks = {MAX_VACUUM_TASKS}")
            yield conn
        finally:
            conn.close()
            if shared:
                self._release_cached_blocks()

    def _release_cached_blocks(self) -> None:
        """Give back what the step left cached (:func:`pipelines.warehouse.release_cache`): a closed
        database freed its blocks, an open one keeps them up to ``memory_limit``, which would add the
        cache of every step to the next one's memory."""
        if self._run_connection is not None:
            release_cache(self._run_connection)

    def _open(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        path = Path(self.db_path)
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + self.lock_wait_seconds
        delay = 0.05
        while True:
            try:
                return duckdb.connect(str(path), read_only=read_only)
            except duckdb.IOException as exc:
                if not any(m in str(exc) for m in LOCK_ERROR_MARKERS) or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    def ensure_schema(self) -> None:
        """Create the warehouse tables that do not exist yet."""
        with self.connect() as conn:
            apply_schema(conn)


class GreatExpectationsResource(dg.ConfigurableResource):
    """Great Expectations for the run's quality checks (required by every check).

    Importing GX takes ~3-5 CPU-s and validating is pure Python. By default a run validates in a GX
    worker process started with the run (:mod:`pipelines.quality.gx_worker`): the import happens on
    the other core while the ingest runs, and GX's memory leaves with the worker at the end of the
    run. With ``worker_process`` off, GX runs in the run's process, imported on a background thread
    from the start (``prepare_in_background``) so that it overlaps the ingest.
    """

    worker_process: bool = True
    prepare_in_background: bool = True

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        if self.worker_process and context.run is not None:  # a run, not a sensor or schedule
            from pipelines.quality.gx_worker import start_gx_worker

            start_gx_worker()
        elif self.prepare_in_background:
            from pipelines.quality.validate import prepare_gx_in_background

            prepare_gx_in_background()

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        from pipelines.quality.gx_worker import stop_gx_worker

        stop_gx_worker()


class ArticleSourceResource(dg.ConfigurableResource):
    """The folder articles are read from, recursively (env ``ACCORDWATCH_SOURCE_DIR``)."""

    source_dir: str = str(SAMPLE_DIR)
    max_file_bytes: int = 5_000_000


class ComputeResource(dg.ConfigurableResource):
    """How many processes the text stages use (env ``ACCORDWATCH_WORKERS``; 0 = one per core)."""

    workers: int = 0
