"""Import Great Expectations without running the libraries it loads only for features the suites never use.

GX's import costs ~4-5 CPU-s, and in a pipeline run it sits on the critical path: the raw checks wait
for it. About half is two libraries GX imports at module level: ``scipy`` (its ``stats`` module, for
the distribution expectations such as ``expect_column_kl_divergence_to_be_less_than``) and
``altair`` (charts for Data Docs). None of the suites in ``expectations/`` uses either.

While GX imports, the pure-Python modules of those packages are loaded lazily with the standard
library's :class:`importlib.util.LazyLoader`: the module object exists at once, and its code runs on
the first attribute access. An expectation that does need ``scipy.stats`` still gets the real module
(only later); nothing else changes. The finder is installed for the length of the import only, so
imports elsewhere in the process are untouched.

Python 3.11's lazy modules are not safe to first touch from two threads at once. GX's validations
run on one thread per process (the run's GX worker, or the caller of ``accordwatch check``).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
import threading
from types import ModuleType

# Top-level packages whose modules GX's import loads lazily.
DEFERRED_PACKAGES = ("scipy", "altair")

_LOCK = threading.Lock()


class _DeferringFinder(importlib.abc.MetaPathFinder):
    """Finds a deferred package's pure-Python modules through the other finders and wraps their loader
    in :class:`importlib.util.LazyLoader` (extension modules load as usual)."""

    def __init__(self, packages: tuple[str, ...]) -> None:
        self._packages = packages

    def find_spec(self, fullname, path, target=None):  # noqa: ANN001 - importlib's protocol
        if fullname.partition(".")[0] not in self._packages:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                break
        else:
            return None
        if isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


def import_great_expectations() -> ModuleType:
    """``great_expectations``, imported with :data:`DEFERRED_PACKAGES` loaded lazily if this is the
    process's first import of it."""
    with _LOCK:
        if "great_expectations" in sys.modules:
            return sys.modules["great_expectations"]
        finder = _DeferringFinder(tuple(p for p in DEFERRED_PACKAGES if p not in sys.modules))
        sys.meta_path.insert(0, finder)
        try:
            import great_expectations
        finally:
            sys.meta_path.remove(finder)
        return great_expectations
