"""Value sets injected into the static suites at validation time."""

from __future__ import annotations

import pytest

from pipelines.quality.value_sets import (
    UnknownValueSet,
    accord_names,
    country_codes,
    non_iso_state_ids,
    resolve_refs,
)


def test_country_codes_are_iso_alpha2_plus_our_non_iso_ids():
    codes = set(country_codes())
    assert {"KZ", "AE", "IL", "GB", "SO"} <= codes
    assert {"XK", "XS"} <= codes  # Kosovo and Somaliland, from non_iso_states.yaml
    assert "KAZ" not in codes  # alpha-3 is not a country_code
    assert "UK" not in codes  # the ISO code of the United Kingdom is GB


def test_non_iso_ids_are_read_from_the_dictionary():
    assert {"XK", "XS"} <= non_iso_state_ids()
    assert "SO" not in non_iso_state_ids()


def test_accord_names_come_from_the_registry():
    names = accord_names()
    assert "Abraham Accords" in names
    assert "Paris Agreement" in names
    assert "Abraham Accord" not in names  # an alias, not the canonical name


def test_refs_are_replaced_and_other_kwargs_kept():
    exp = {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "status", "value_set": {"$ref": "s"}},
           "severity": "critical"}
    resolved = resolve_refs(exp, {"s": ["signed", "declined"]})
    assert resolved["kwargs"] == {"column": "status", "value_set": ["signed", "declined"]}
    assert exp["kwargs"]["value_set"] == {"$ref": "s"}  # the suite dict itself is untouched


def test_unavailable_set_skips_and_unknown_name_raises():
    exp = {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "accord", "value_set": {"$ref": "a"}}}
    assert resolve_refs(exp, {"a": None}) is None
    with pytest.raises(UnknownValueSet, match="'a'"):
        resolve_refs(exp, {"b": ["x"]})
