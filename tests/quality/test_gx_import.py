"""GX imported with scipy and altair deferred: they are not run by the import, and still work when used."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# Runs in a fresh interpreter: this test process may have imported GX (or scipy) already.
PROBE = textwrap.dedent(
    """
    import json, sys
    from pipelines.quality.gx_import import _DeferringFinder, import_great_expectations

    gx = import_great_expectations()
    report = {
        "gx_imported": "great_expectations.core" in sys.modules,
        # scipy.stats is a lazy module: its code (and its submodules) did not run
        "scipy_stats_ran": "scipy.stats._stats_py" in sys.modules,
        "altair_schema_ran": "altair.vegalite.v6.schema.core" in sys.modules,
        "finder_left": any(isinstance(f, _DeferringFinder) for f in sys.meta_path),
    }
    import pandas as pd

    from pipelines.quality.suites import spec_for
    from pipelines.quality.validate import local_gx_validator

    rows = pd.DataFrame({"claim_id": ["c1", "c2"], "country_code": ["KZ", None]})
    exp = [{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "country_code"},
            "severity": "critical"}]
    [outcome] = local_gx_validator().validate(spec_for("core.claims"), rows, exp, "lazy-probe")
    report["not_null"] = [outcome.success, outcome.unexpected_count]
    import scipy.stats

    report["scipy_norm_cdf_0"] = float(scipy.stats.norm.cdf(0.0))
    report["scipy_stats_ran_after_use"] = "scipy.stats._stats_py" in sys.modules
    print(json.dumps(report))
    """
)


def test_gx_import_defers_scipy_and_altair_until_used():
    import json

    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["gx_imported"]
    assert not report["scipy_stats_ran"]
    assert not report["altair_schema_ran"]
    assert not report["finder_left"]
    # GX validates as usual: one NULL country of two rows
    assert report["not_null"] == [False, 1]
    # the deferred module is the real one once touched
    assert report["scipy_norm_cdf_0"] == 0.5
    assert report["scipy_stats_ran_after_use"]
