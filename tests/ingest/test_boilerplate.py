"""The boilerplate data file loads, and a malformed one fails naming the file and the entry."""

from __future__ import annotations

import re

import pytest
import yaml

from pipelines.ingest.boilerplate import (
    KNOWN_SECTIONS,
    BoilerplateError,
    boilerplate,
    boilerplate_path,
    load_boilerplate,
)


def real_data() -> dict:
    return yaml.safe_load(boilerplate_path().read_text(encoding="utf-8"))


def write(tmp_path, data: dict):
    path = tmp_path / "boilerplate.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_shipped_file_is_valid_and_has_every_section():
    data = boilerplate()
    assert set(data.words) | set(data.phrases) | {"line_patterns", "date_line_patterns"} == set(KNOWN_SECTIONS)
    assert "en" in data.word_set("language_codes")
    assert "also read" in data.phrase_set("link_prefixes")
    assert all(isinstance(p.pattern, re.Pattern) for p in data.line_patterns)


def test_unknown_section_is_named(tmp_path):
    data = real_data() | {"whole_line": ["home"]}
    with pytest.raises(BoilerplateError, match=r"boilerplate\.yaml: unknown section\(s\) \['whole_line'\]"):
        load_boilerplate(write(tmp_path, data))


def test_missing_section_is_named(tmp_path):
    data = real_data()
    del data["mastheads"]
    with pytest.raises(BoilerplateError, match=r"missing section\(s\) \['mastheads'\]"):
        load_boilerplate(write(tmp_path, data))


def test_empty_entry_is_named(tmp_path):
    data = real_data()
    data["whole_lines"] = ["home", "  "]
    with pytest.raises(BoilerplateError, match=r"section 'whole_lines' entry 2 .*empty entry"):
        load_boilerplate(write(tmp_path, data))


def test_yaml_boolean_instead_of_word_is_named(tmp_path):
    path = tmp_path / "boilerplate.yaml"
    text = boilerplate_path().read_text(encoding="utf-8").replace('"no"', "no")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BoilerplateError, match=r"section 'language_codes' entry \d+ \(False\): must be a string"):
        load_boilerplate(path)


def test_phrase_in_word_section_is_rejected(tmp_path):
    data = real_data()
    data["social_networks"] = data["social_networks"] + ["copy link"]
    with pytest.raises(BoilerplateError, match=r"'social_networks' entry \d+ \('copy link'\): must be a single word"):
        load_boilerplate(write(tmp_path, data))


def test_duplicate_entry_is_rejected(tmp_path):
    data = real_data()
    data["whole_lines"] = ["Home", "home"]
    with pytest.raises(BoilerplateError, match=r"'whole_lines' entry 2 \('home'\): duplicate entry"):
        load_boilerplate(write(tmp_path, data))


def test_regex_that_does_not_compile_is_named(tmp_path):
    data = real_data()
    data["line_patterns"] = [{"reason": "broken", "pattern": "share on (facebook"}]
    with pytest.raises(BoilerplateError, match=r"'line_patterns' entry 1 .*regex does not compile"):
        load_boilerplate(write(tmp_path, data))


def test_regex_matching_an_empty_line_is_rejected(tmp_path):
    data = real_data()
    data["date_line_patterns"] = [r"\d*"]
    with pytest.raises(BoilerplateError, match=r"'date_line_patterns' entry 1 .*matches an empty line"):
        load_boilerplate(write(tmp_path, data))


def test_line_pattern_needs_reason_and_known_groups(tmp_path):
    data = real_data()
    data["line_patterns"] = [{"pattern": "advertisement"}]
    with pytest.raises(BoilerplateError, match="exactly the keys 'reason' and 'pattern'"):
        load_boilerplate(write(tmp_path, data))
    data["line_patterns"] = [{"reason": "ad", "pattern": "ad: (?P<text>.+)"}]
    with pytest.raises(BoilerplateError, match=r"unknown named group\(s\) \['text'\]"):
        load_boilerplate(write(tmp_path, data))


def test_digest_follows_the_file_contents(tmp_path):
    data = real_data()
    first = load_boilerplate(write(tmp_path, data)).digest
    assert load_boilerplate(write(tmp_path, data)).digest == first
    data["whole_lines"] = data["whole_lines"] + ["most shared"]
    assert load_boilerplate(write(tmp_path, data)).digest != first
    assert re.fullmatch(r"[0-9a-f]{12}", first)
