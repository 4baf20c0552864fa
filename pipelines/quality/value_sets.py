"""Data-driven value sets that the static suite files refer to by name.

A suite file never holds a literal list of country codes or accord names: those lists live in
the dictionaries and change with them. Instead an expectation's kwarg holds a placeholder,

    "value_set": {"$ref": "country_codes"}

and :func:`resolve_refs` swaps every placeholder for the current list just before the suite is
handed to Great Expectations. The known names are the keys of :data:`VALUE_SET_NAMES`.

Where the lists come from (first that works):

- ``country_codes``: ``pipelines.extract.countries.country_code_set()``; otherwise every
  ISO 3166-1 alpha-2 code from pycountry plus the ids in
  ``warehouse/dictionaries/non_iso_states.yaml`` (if present).
- ``accord_names``: ``pipelines.extract.accords.accord_names()``; otherwise the ``accord`` column
  of ``core.accords`` when that table has rows. If neither is available the set is *unknown* and
  the expectations that need it are skipped (reported, never silently passed).
- ``claim_statuses``, ``entity_types``, ``date_precisions``: the tuples in
  ``pipelines.extract.model``.
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import duckdb

from pipelines.extract.model import CLAIM_STATUSES, DATE_PRECISIONS, ENTITY_TYPES
from pipelines.paths import DICTIONARIES_DIR

VALUE_SET_NAMES = ("country_codes", "accord_names", "claim_statuses", "entity_types", "date_precisions")
REF_KEY = "$ref"


class UnknownValueSet(KeyError):
    """A suite refers to a value set nobody can provide."""


def _optional_provider(module: str, function: str) -> Callable[[], Any] | None:
    """``module.function`` if that module exists (it may be written by another stage later)."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError:
        return None
    return getattr(mod, function, None)


def _codes_from_yaml_entry(entry: Any) -> list[str]:
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, Mapping):
        for key in ("id", "code", "iso2", "country_code"):
            if isinstance(entry.get(key), str):
                return [entry[key]]
    return []


@lru_cache(maxsize=1)
def non_iso_state_ids() -> frozenset[str]:
    """Stable ids of non-ISO states from ``non_iso_states.yaml`` (empty if the file is absent).

    Accepts a list of ids, a list of mappings with an ``id``/``code`` key, or a mapping keyed by id
    (optionally under a top-level ``states`` key).
    """
    path = DICTIONARIES_DIR / "non_iso_states.yaml"
    if not path.exists():
        return frozenset()
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, Mapping) and "states" in data:
        data = data["states"]
    codes: list[str] = []
    if isinstance(data, Mapping):
        for key, value in data.items():
            codes += _codes_from_yaml_entry(value) or [str(key)]
    elif isinstance(data, list):
        for entry in data:
            codes += _codes_from_yaml_entry(entry)
    else:
        raise ValueError(f"{path}: expected a list or mapping of non-ISO state ids, got {type(data).__name__}")
    return frozenset(codes)


def country_codes() -> list[str]:
    """Every valid ``country_code``: ISO 3166-1 alpha-2 plus our stable non-ISO ids."""
    provider = _optional_provider("pipelines.extract.countries", "country_code_set")
    if provider is not None:
        return sorted(provider())
    import pycountry

    return sorted({c.alpha_2 for c in pycountry.countries} | non_iso_state_ids())


def accord_names(conn: duckdb.DuckDBPyConnection | None = None) -> list[str] | None:
    """Canonical accord names from the registry, or None when no registry is available yet."""
    provider = _optional_provider("pipelines.extract.accords", "accord_names")
    if provider is not None:
        return sorted(provider())
    if conn is not None:
        try:
            rows = conn.execute("SELECT DISTINCT accord FROM core.accords WHERE accord IS NOT NULL").fetchall()
        except duckdb.CatalogException:
            rows = []
        if rows:
            return sorted(r[0] for r in rows)
    return None


def default_value_sets(conn: duckdb.DuckDBPyConnection | None = None) -> dict[str, list[str] | None]:
    """The current value of every named set (None = not available right now)."""
    return {
        "country_codes": country_codes(),
        "accord_names": accord_names(conn),
        "claim_statuses": list(CLAIM_STATUSES),
        "entity_types": list(ENTITY_TYPES),
        "date_precisions": list(DATE_PRECISIONS),
    }


def _is_ref(value: Any) -> bool:
    return isinstance(value, Mapping) and set(value) == {REF_KEY}


def refs_in(expectation: Mapping[str, Any]) -> list[str]:
    """The value-set names one expectation config (a suite-file dict) refers to."""
    return [v[REF_KEY] for v in expectation.get("kwargs", {}).values() if _is_ref(v)]


def resolve_refs(
    expectation: Mapping[str, Any], value_sets: Mapping[str, list[str] | None]
) -> dict[str, Any] | None:
    """A copy of the expectation dict with every ``{"$ref": name}`` kwarg replaced by its list.

    Returns None when a referenced set is known but currently unavailable (value None), so the
    caller can report the expectation as skipped. Raises :class:`UnknownValueSet` for a name that
    is not in ``value_sets`` at all (a typo in a suite file).
    """
    resolved = copy.deepcopy(dict(expectation))
    kwargs = resolved.setdefault("kwargs", {})
    for key, value in list(kwargs.items()):
        if not _is_ref(value):
            continue
        name = value[REF_KEY]
        if name not in value_sets:
            raise UnknownValueSet(f"unknown value set {name!r} (known: {sorted(value_sets)})")
        if value_sets[name] is None:
            return None
        kwargs[key] = list(value_sets[name])
    return resolved
