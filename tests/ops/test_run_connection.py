"""A run's steps share one open warehouse (one open, one lock) unless ACCORDWATCH_SHARE_RUN_CONNECTION=0."""

import dagster as dg
import duckdb

from pipelines.resources import WarehouseResource


def _two_step_run(db_path, share: bool) -> list:
    seen = []

    @dg.asset
    def first(warehouse: WarehouseResource):
        with warehouse.connect() as conn:
            conn.execute("CREATE TABLE t AS SELECT 1 AS x")
        seen.append(warehouse._run_connection)

    @dg.asset(deps=[first])
    def second(warehouse: WarehouseResource):
        with warehouse.connect(read_only=True) as conn:  # inside a shared run: a cursor, read-write
            seen.append(conn.execute("SELECT x FROM t").fetchone()[0])
        seen.append(warehouse._run_connection)

    resource = WarehouseResource(db_path=str(db_path), share_run_connection=share)
    assert dg.materialize([first, second], resources={"warehouse": resource}).success
    return seen


def test_steps_share_one_database_and_release_it_at_the_end(tmp_path):
    db = tmp_path / "w.duckdb"
    shared_first, value, shared_second = _two_step_run(db, share=True)
    assert value == 1
    assert shared_first is not None and shared_first is shared_second
    with duckdb.connect(str(db)) as other:  # closed at the run's end: another process may write again
        assert other.execute("SELECT x FROM t").fetchone()[0] == 1


def test_switched_off_each_step_opens_its_own_connection(tmp_path):
    first, value, second = _two_step_run(tmp_path / "w.duckdb", share=False)
    assert (first, value, second) == (None, 1, None)



def test_streaming_steps_run_under_the_stream_memory_limit(tmp_path):
    warehouse = WarehouseResource(db_path=str(tmp_path / "w.duckdb"), memory_limit="1GB", stream_memory_limit="100MB")
    setting = "SELECT current_setting('memory_limit')"
    with warehouse.connect(streaming=True) as conn:
        assert conn.execute(setting).fetchone()[0] == "95.3 MiB"
    with warehouse.connect() as conn:
        assert conn.execute(setting).fetchone()[0] == "953.6 MiB"
