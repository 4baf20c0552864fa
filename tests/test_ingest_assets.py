"""Ingestion through real Dagster materializations into DuckDB files under tmp_path."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from tests.conftest import SEED_NAME, copy_seed
from tests.helpers import materialize_ingest, query, row_counts

RAW_AND_CORE = ("raw.articles", "raw.source_files", "raw.ingest_errors", "core.articles", "core.sentences")

BODY = (
    "Bahrain agreed to normalize relations with Israel, the White House said on Friday.\n\n"
    "The announcement followed a phone call between the leaders, officials said."
)


def test_seed_article_is_cleaned_as_the_gold_file_says(tmp_path, gold):
    copy_seed(tmp_path / "src")
    db = tmp_path / "w.duckdb"
    materialize_ingest(db, tmp_path / "src")
    (title, author, publisher, url, published_at, language, body) = query(
        db, "SELECT title, author, publisher, url, published_at, language, body FROM core.articles"
    )[0]
    meta = gold["article"]
    assert title == meta["title"]
    assert author == meta["author"]
    assert publisher == meta["publisher"]
    assert url == meta["url"]
    assert published_at == datetime(2025, 11, 7, 5, 8, 38)
    assert language == meta["language"]
    # Boilerplate gone: the language switcher, the headline with its caption, the author line.
    assert "ua en ru" not in body
    assert "Author:" not in body
    assert "Getty Images" not in body
    assert not body.startswith("'First of many'")
    assert body.startswith("US President Donald Trump announced that Kazakhstan has joined the Abraham Accords.")

    headings = query(db, "SELECT text FROM core.sentences WHERE is_heading ORDER BY sentence_idx")
    assert [h[0] for h in headings] == ["What Kazakhstan says", "Background on Abraham Accords"]
    for start, end, text in query(db, "SELECT start_char, end_char, text FROM core.sentences"):
        assert body[start:end] == text
    quoted = query(db, "SELECT text FROM core.sentences WHERE in_quote ORDER BY sentence_idx")
    assert any(q[0].startswith('"Kazakhstan is the first country of my second term') for q in quoted)


def test_published_at_falls_back_to_the_url_timestamp(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    seed = copy_seed(tmp_path / "seed")
    (src / SEED_NAME).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (src / (SEED_NAME + ".meta.json")).write_text(
        json.dumps({"url": "https://newsukraine.rbc.ua/news/first-of-many-trump-names-country-that-joined-1762492118.html"})
    )
    db = tmp_path / "w.duckdb"
    materialize_ingest(db, src)
    assert query(db, "SELECT published_at, published_at_source FROM core.articles") == [
        (datetime(2025, 11, 7, 5, 8, 38), "url-unix-timestamp")
    ]


def _write_one_of_each_format(src):
    src.mkdir(parents=True, exist_ok=True)
    (src / "a.txt").write_text("Sudan agreed to normalize ties with Israel, officials said on Friday.\n", encoding="utf-8")
    (src / "b.md").write_text(
        "---\ntitle: Morocco and Israel\npublished_at: 2020-12-10T18:00:00Z\nauthor: Jane Roe\n---\n"
        "# Morocco and Israel\n\nMorocco agreed to establish full diplomatic relations with Israel.\n",
        encoding="utf-8",
    )
    (src / "c.html").write_text(
        "<html><head><title>Bahrain deal</title><link rel='canonical' href='https://example.com/2020/09/11/bahrain'>"
        "<meta name='author' content='John Doe'></head><body><article><h1>Bahrain deal</h1>"
        + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
        + "</article></body></html>",
        encoding="utf-8",
    )
    (src / "d.json").write_text(
        json.dumps({"title": "UAE deal", "body": "The United Arab Emirates agreed to normalize relations with Israel.",
                    "published_at": "2020-08-13", "url": "https://example.org/uae"}),
        encoding="utf-8",
    )
    (src / "e.jsonl").write_text(
        json.dumps({"text": "Kazakhstan will join the Abraham Accords, Trump said."}) + "\n"
        + json.dumps({"text": "Azerbaijan is expected to join the Abraham Accords, sources say."}) + "\n",
        encoding="utf-8",
    )
    (src / "a.txt.meta.json").write_text(json.dumps({"title": "Sudan deal", "publisher": "Example Wire",
                                                        "published_at": "2020-10-23T16:00:00Z"}))


def test_every_format_and_the_sidecar_are_ingested(tmp_path):
    src = tmp_path / "src"
    _write_one_of_each_format(src)
    db = tmp_path / "w.duckdb"
    materialize_ingest(db, src)
    assert query(db, "SELECT count(*) FROM raw.ingest_errors") == [(0,)]
    formats = dict(query(db, "SELECT source_format, count(*) FROM raw.articles GROUP BY 1"))
    assert formats == {"txt": 1, "md": 1, "html": 1, "json": 1, "jsonl": 2}
    by_title = {row[0]: row[1:] for row in query(db, "SELECT title, publisher, published_at, author, url FROM core.articles")}
    assert by_title["Sudan deal"][:2] == ("Example Wire", datetime(2020, 10, 23, 16, 0))
    assert by_title["Morocco and Israel"][1:3] == (datetime(2020, 12, 10, 18, 0), "Jane Roe")
    assert by_title["Bahrain deal"][2:] == ("John Doe", "https://example.com/2020/09/11/bahrain")
    assert by_title["UAE deal"][1] == datetime(2020, 8, 13)
    html_body = query(db, "SELECT body FROM core.articles WHERE title = 'Bahrain deal'")[0][0]
    assert "agreed to normalize relations with Israel" in html_body and "<p>" not in html_body


def test_bad_files_are_recorded_and_the_good_ones_still_ingested(tmp_path):
    src = tmp_path / "src"
    _write_one_of_each_format(src)
    bad = src / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    (bad / "latin1.txt").write_bytes("Caf\xe9 au lait in Rabat, says Mr. M\xfcller.".encode("latin-1"))
    (bad / "huge.txt").write_text("word " * 2000, encoding="utf-8")
    (bad / "broken.json").write_text('{"title": "x", "body": ', encoding="utf-8")
    (bad / "front.md").write_text("---\ntitle: [unclosed\n---\nSome text about Israel.\n", encoding="utf-8")
    (bad / "scan.pdf").write_bytes(b"%PDF-1.4 fake")
    db = tmp_path / "w.duckdb"
    materialize_ingest(db, src, max_file_bytes=5_000)
    errors = {path.rsplit("/", 1)[-1]: reason for path, reason in query(db, "SELECT path, reason FROM raw.ingest_errors")}
    assert set(errors) == {"empty.txt", "binary.txt", "latin1.txt", "huge.txt", "broken.json", "front.md", "scan.pdf"}
    assert "empty" in errors["empty.txt"]
    assert "binary" in errors["binary.txt"]
    assert "UTF-8" in errors["latin1.txt"]
    assert "larger" in errors["huge.txt"]
    assert "JSON" in errors["broken.json"]
    assert "front matter" in errors["front.md"]
    assert ".pdf" in errors["scan.pdf"]
    assert query(db, "SELECT count(*) FROM core.articles") == [(6,)]

    before = row_counts(db, RAW_AND_CORE)
    materialize_ingest(db, src, max_file_bytes=5_000)
    assert row_counts(db, RAW_AND_CORE) == before


def test_an_edited_file_is_a_new_version_and_the_old_one_is_kept(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "story.txt").write_text("Kazakhstan is in talks to join the Abraham Accords.\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    materialize_ingest(db, src)
    old_id = query(db, "SELECT article_id FROM raw.articles")[0][0]
    (src / "story.txt").write_text("Kazakhstan has joined the Abraham Accords, Trump said.\n", encoding="utf-8")
    materialize_ingest(db, src)
    rows = query(db, "SELECT article_id, is_superseded, superseded_by FROM raw.articles ORDER BY first_ingested_at")
    assert len(rows) == 2
    new_id = [r[0] for r in rows if r[0] != old_id][0]
    assert (old_id, True, new_id) in rows
    assert query(db, "SELECT article_id FROM core.articles") == [(new_id,)]
    assert query(db, "SELECT count(*) FROM core.sentences WHERE article_id = ?", [old_id]) == [(0,)]


def test_the_same_text_in_two_files_is_one_article_with_both_paths(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("one.txt", "two.txt"):
        (src / name).write_text("Morocco agreed to normalize relations with Israel.\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    materialize_ingest(db, src)
    paths = query(db, "SELECT source_paths FROM raw.articles")
    assert len(paths) == 1
    assert sorted(p.rsplit("/", 1)[-1] for p in paths[0][0]) == ["one.txt", "two.txt"]


def test_edits_reverted_in_several_files_revive_each_original_article(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    originals = {f"s{i}.txt": f"Country number {i} is in talks to join the Abraham Accords.\n" for i in range(3)}
    for name, text in originals.items():
        (src / name).write_text(text, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    materialize_ingest(db, src)
    first_ids = {r[0] for r in query(db, "SELECT article_id FROM raw.articles")}
    for name in originals:
        (src / name).write_text("An edit: " + originals[name], encoding="utf-8")
    materialize_ingest(db, src)
    edit_ids = {r[0] for r in query(db, "SELECT article_id FROM raw.articles")} - first_ids
    for name, text in originals.items():
        (src / name).write_text(text, encoding="utf-8")
    materialize_ingest(db, src)
    rows = {r[0]: r[1:] for r in query(db, "SELECT article_id, is_superseded, superseded_by, superseded_at FROM raw.articles")}
    assert len(rows) == 6
    assert all(rows[a] == (False, None, None) for a in first_ids)  # current again, no successor
    assert all(rows[a][0] and rows[a][1] in first_ids for a in edit_ids)  # each edit superseded by its original
    assert {r[0] for r in query(db, "SELECT article_id FROM core.articles")} == first_ids


def test_a_copied_folder_adds_its_paths_to_the_stored_articles_without_new_ones(tmp_path):
    src = tmp_path / "src"
    (src / "a").mkdir(parents=True)
    for i in range(3):
        (src / "a" / f"s{i}.txt").write_text(f"Country {i} agreed to normalize relations with Israel.\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    materialize_ingest(db, src)
    (src / "b").mkdir()
    for i in range(3):
        (src / "b" / f"s{i}.txt").write_bytes((src / "a" / f"s{i}.txt").read_bytes())
    materialize_ingest(db, src)
    rows = query(db, "SELECT source_paths, is_superseded FROM raw.articles")
    assert len(rows) == 3
    for paths, superseded in rows:
        assert sorted(p.split("/")[-2] for p in paths) == ["a", "b"] and not superseded
    assert query(db, "SELECT count(*), count(*) FILTER (WHERE is_current) FROM raw.source_files") == [(6, 6)]


def test_a_moved_folder_keeps_every_stored_column_of_its_articles(tmp_path):
    src = tmp_path / "src"
    _write_one_of_each_format(src)
    db = tmp_path / "w.duckdb"
    materialize_ingest(db, src)
    columns = "article_id, body_raw, title, author, publisher, url, published_at_meta, language, source_format, " \
        "metadata_json, first_ingested_at"
    before = sorted(query(db, f"SELECT {columns} FROM raw.articles"))
    moved = tmp_path / "moved"
    src.rename(moved)
    materialize_ingest(db, moved)
    assert sorted(query(db, f"SELECT {columns} FROM raw.articles")) == before
    rows = query(db, "SELECT source_paths, is_superseded FROM raw.articles")
    assert len(rows) == len(before) == 6
    for paths, superseded in rows:
        assert sorted(Path(p).parent.name for p in paths) == ["moved", "src"] and not superseded


def test_touched_files_are_not_new_versions_and_their_mtime_is_remembered(tmp_path):
    import os

    src = tmp_path / "src"
    src.mkdir()
    for i in range(3):
        (src / f"s{i}.txt").write_text(f"Country {i} signed the Abraham Accords.\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    materialize_ingest(db, src)
    before = query(db, "SELECT article_id, first_ingested_at FROM raw.articles ORDER BY 1")
    later = 1_900_000_000_000_000_000
    for i in range(3):
        os.utime(src / f"s{i}.txt", ns=(later + i, later + i))
    materialize_ingest(db, src)
    assert query(db, "SELECT article_id, first_ingested_at FROM raw.articles ORDER BY 1") == before
    stored = query(db, "SELECT path, mtime_ns FROM raw.source_files WHERE is_current ORDER BY path")
    assert [m for _, m in stored] == [later, later + 1, later + 2]


def test_a_missing_source_folder_is_an_error_row_not_a_crash(tmp_path):
    db = tmp_path / "w.duckdb"
    materialize_ingest(db, tmp_path / "nowhere")
    assert query(db, "SELECT reason FROM raw.ingest_errors") == [("source folder does not exist",)]


def test_a_posted_line_gives_the_date_when_nothing_else_does(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "story.txt").write_text(
        "Sudan joins Israel normalization deal\n\nPosted: Oct 23, 2020 12:40 PM\n\n"
        "Sudan agreed to normalize relations with Israel on Friday, the White House said.\n",
        encoding="utf-8",
    )
    db = tmp_path / "w.duckdb"
    materialize_ingest(db, src)
    assert query(db, "SELECT published_at, published_at_source FROM core.articles") == [
        (datetime(2020, 10, 23, 12, 40), "page")
    ]


IRRELEVANT = "The museum reopened after the storm, the mayor said on Monday.\n\nVisitors queued for an hour to get in.\n"
RELEVANT = "Sudan agreed to normalize relations with Israel, officials said on Friday.\n\nThe deal was announced in Washington.\n"


def _clean(db, src, all_sentences: bool):
    import dagster as dg

    from pipelines.ingest.assets import raw_ingest
    from pipelines.ingest.clean_assets import core_articles
    from pipelines.resources import ArticleSourceResource, ComputeResource, WarehouseResource

    resources = {
        "warehouse": WarehouseResource(db_path=str(db), sentences_for_all_articles=all_sentences),
        "source": ArticleSourceResource(source_dir=str(src)),
        "compute": ComputeResource(workers=1),
    }
    result = dg.materialize([raw_ingest, core_articles], resources=resources)
    assert result.success
    return result


def _sentence_counts(db) -> dict[str, int]:
    return dict(query(db, "SELECT a.title, count(s.article_id) FROM core.articles a "
                          "LEFT JOIN core.sentences s USING (article_id) GROUP BY a.title"))


def test_an_irrelevant_article_is_kept_as_not_relevant_and_not_split_into_sentences(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "museum.txt").write_text(IRRELEVANT, encoding="utf-8")
    (src / "sudan.txt").write_text(RELEVANT, encoding="utf-8")
    for name, title in (("museum.txt", "Museum"), ("sudan.txt", "Sudan")):
        (src / (name + ".meta.json")).write_text(json.dumps({"title": title}))
    db = tmp_path / "w.duckdb"
    _clean(db, src, all_sentences=False)
    assert dict(query(db, "SELECT title, is_relevant FROM core.articles")) == {"Museum": False, "Sudan": True}
    assert query(db, "SELECT body FROM core.articles WHERE title = 'Museum'")[0][0].startswith("The museum reopened")
    assert _sentence_counts(db) == {"Museum": 0, "Sudan": 2}
    # The clean stage logged both articles (an irrelevant one is processed, with no sentence rows).
    assert dict(query(db, "SELECT a.title, l.n_rows FROM core.stage_log l JOIN core.articles a USING (article_id) "
                          "WHERE l.stage = 'clean'")) == {"Museum": 0, "Sudan": 2}


def test_sentences_for_all_articles_splits_irrelevant_ones_too_and_switching_it_re_cleans(tmp_path):
    from pipelines.ingest.prepare import clean_version

    src = tmp_path / "src"
    src.mkdir()
    (src / "museum.txt").write_text(IRRELEVANT, encoding="utf-8")
    (src / "museum.txt.meta.json").write_text(json.dumps({"title": "Museum"}))
    db = tmp_path / "w.duckdb"
    _clean(db, src, all_sentences=False)
    assert _sentence_counts(db) == {"Museum": 0}

    switched_on = _clean(db, src, all_sentences=True)
    assert _sentence_counts(db) == {"Museum": 2}
    assert query(db, "SELECT DISTINCT extractor_version FROM core.sentences") == [(clean_version(True),)]
    assert query(db, "SELECT stage_version FROM core.stage_log WHERE stage = 'clean'") == [(clean_version(True),)]
    processed = [e for e in switched_on.all_events if e.event_type_value == "ASSET_MATERIALIZATION"
                 and e.asset_key.path == ["core", "articles"]][0]
    assert processed.event_specific_data.materialization.metadata["processed_this_run"].value == 1

    _clean(db, src, all_sentences=False)
    assert _sentence_counts(db) == {"Museum": 0}
    assert clean_version(True) != clean_version(False)


def _ingest_metadata(result) -> dict:
    found = [{k: v.value for k, v in m.metadata.items() if k.startswith("files_")}
             for m in result.asset_materializations_for_node("raw_ingest")]
    return next(metadata for metadata in found if metadata)


def test_a_listing_taken_in_slices_finds_every_new_edited_and_touched_file(tmp_path, monkeypatch):
    import os

    from pipelines.ingest import scan_ahead

    monkeypatch.setattr(scan_ahead, "LISTING_ROWS_PER_SLICE", 2)  # 5 files: slices of 2, 2 and 1
    src = tmp_path / "src"
    for folder in ("a", "b"):
        (src / folder).mkdir(parents=True)
    names = ["a/s0.txt", "a/s1.txt", "a/s2.txt", "b/s3.txt", "b/s4.txt"]
    for i, name in enumerate(names):
        (src / name).write_text(f"Country {i} is in talks to join the Abraham Accords.\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    first = _ingest_metadata(materialize_ingest(db, src))
    assert first["files_seen"] == 5 and first["files_read"] == 5 and first["files_unchanged"] == 0
    assert query(db, "SELECT count(*) FROM raw.articles") == [(5,)]

    later = 1_900_000_000_000_000_000
    os.utime(src / "a/s1.txt", ns=(later, later))  # touched: same content
    (src / "b/s3.txt").write_text("Country 3 has joined the Abraham Accords.\n", encoding="utf-8")  # edited
    (src / "b/s5.txt").write_text("Country 5 signed the Abraham Accords.\n", encoding="utf-8")  # new
    second = _ingest_metadata(materialize_ingest(db, src))
    # six files in slices of 2: the touched file is hashed and found unchanged, the other four are not read
    assert second["files_seen"] == 6 and second["files_read"] == 2 and second["files_unchanged"] == 4
    assert query(db, "SELECT count(*), count(*) FILTER (WHERE is_superseded) FROM raw.articles") == [(7, 1)]
    current = dict(query(db, "SELECT path, mtime_ns FROM raw.source_files WHERE is_current"))
    assert sorted(p.split("/src/")[-1] for p in current) == sorted(names + ["b/s5.txt"])
    assert current[str((src / "a/s1.txt").resolve())] == later
