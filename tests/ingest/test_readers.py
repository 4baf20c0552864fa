"""Reading each source format, sidecars, front matter, and every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.ingest.readers import (
    SUPPORTED_EXTENSIONS,
    file_sha256,
    list_source_files,
    markdown_to_text,
    normalize_for_hash,
    read_source_file,
)

FIXTURES = Path(__file__).parent / "fixtures"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only_record(path: Path, **kwargs):
    result = read_source_file(path, **kwargs)
    assert result.errors == [], result.errors
    assert len(result.records) == 1
    return result.records[0]


def only_error(path: Path, **kwargs):
    result = read_source_file(path, **kwargs)
    assert result.records == []
    assert len(result.errors) == 1
    return result.errors[0]


# --------------------------------------------------------------------------- listing


def test_list_source_files_is_recursive_sorted_and_skips_sidecars_and_hidden(tmp_path):
    write(tmp_path / "b.txt", "text")
    write(tmp_path / "b.txt.meta.json", "{}")
    write(tmp_path / "a" / "c.html", "<p>x</p>")
    write(tmp_path / "a" / "c.meta.json", "{}")
    write(tmp_path / "report.pdf", b"%PDF-1.4")
    write(tmp_path / ".hidden.txt", "x")
    write(tmp_path / ".cache" / "d.txt", "x")
    assert list_source_files(tmp_path) == [
        tmp_path / "a" / "c.html",
        tmp_path / "b.txt",
        tmp_path / "report.pdf",
    ]


# --------------------------------------------------------------------------- formats


def test_txt_with_full_name_sidecar(tmp_path):
    source = write(tmp_path / "story.txt", "Headline here\n\nBody text of the story.\n")
    write(
        tmp_path / "story.txt.meta.json",
        json.dumps({"url": "https://example.com/2020/09/15/story", "publisher": "Example", "lang": "en"}),
    )
    record = only_record(source)
    assert record.source_format == "txt"
    assert record.body_raw == "Headline here\n\nBody text of the story.\n"
    assert record.meta["url"] == "https://example.com/2020/09/15/story"
    assert record.meta["publisher"] == "Example"
    assert record.meta["language"] == "en"  # 'lang' folded to 'language'
    assert record.meta["title"] is None
    assert record.file_sha256 == file_sha256(source)
    assert record.size_bytes == source.stat().st_size


def test_stem_sidecar_is_accepted(tmp_path):
    source = write(tmp_path / "story.txt", "Body text of the story.")
    write(tmp_path / "story.meta.json", json.dumps({"author": "A. Writer"}))
    assert only_record(source).meta["author"] == "A. Writer"


def test_front_matter_becomes_meta_and_sidecar_wins(tmp_path):
    source = write(
        tmp_path / "story.md",
        "---\ntitle: From front matter\nauthor: Front Author\npublished_at: 2020-12-10T18:30:00Z\n"
        "tags: [israel, morocco]\n---\n\nMorocco agreed to normalize relations.\n",
    )
    write(tmp_path / "story.md.meta.json", json.dumps({"title": "From sidecar"}))
    record = only_record(source)
    assert record.meta["title"] == "From sidecar"
    assert record.meta["author"] == "Front Author"
    assert record.meta["published_at"].startswith("2020-12-10T18:30:00")
    assert record.meta["tags"] == ["israel", "morocco"]  # other keys are kept
    assert record.body_raw == "Morocco agreed to normalize relations."
    json.dumps(record.meta)  # JSON-safe (YAML dates were turned into strings)


def test_markdown_fixture_is_reduced_to_plain_text():
    record = only_record(FIXTURES / "gulf-style-bahrain-2020.md")
    assert record.source_format == "md"
    assert record.meta["publisher"] == "Gulf Example Times"
    assert record.meta["language"] == "en"
    body = record.body_raw
    assert "MANAMA — Bahrain agreed on Friday to establish full diplomatic relations with Israel" in body
    assert "after the United Arab Emirates." in body
    for markup in ("**", "](", "![", "# ", "> ", "https://"):
        assert markup not in body
    assert "\n\nReaction in the region\n\n" in body


def test_markdown_to_text_keeps_underscores_inside_words():
    assert markdown_to_text("The *deal* was __signed__ by snake_case_name.") == (
        "The deal was signed by snake_case_name."
    )


def test_html_fixture_text_and_page_metadata():
    record = only_record(FIXTURES / "gulf-uae-2020.html")
    assert record.source_format == "html"
    assert record.meta["title"] == "UAE and Israel sign accord at the White House"
    assert record.meta["author"] == "Amira Example"
    assert record.meta["url"] == "https://gulfnews.example.com/world/uae-israel-sign-accord"
    assert record.meta["publisher"] == "Example Gulf News"
    assert record.meta["language"] == "en"
    assert record.meta["published_at"] is None  # the page's own date is kept apart
    assert record.meta["published_at_page"].startswith("2020-09-15T22:30:00")
    paragraphs = record.body_raw.split("\n\n")
    assert paragraphs[1].startswith("The United Arab Emirates and Israel signed the Abraham Accords")
    assert "A new chapter" in paragraphs
    assert "Business" not in record.body_raw  # navigation
    assert "All rights reserved" not in record.body_raw  # footer


def test_htm_with_declared_charset(tmp_path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<title>Caf\xe9 talks</title></head><body><article><p>Officials met at the caf\xe9 on Tuesday "
        "and agreed on a joint declaration to normalize relations, the ministry said in a statement.</p>"
        "<p>Talks are expected to continue next week in the capital, according to two officials.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    record = only_record(write(tmp_path / "page.htm", page))
    assert record.source_format == "html"
    assert "met at the café on Tuesday" in record.body_raw


def test_a_whole_html_page_saved_as_txt_is_read_as_html_and_its_table_kept_as_a_text_table(tmp_path):
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Indonesia joins BRICS</title></head><body>"
        "<nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav><article>"
        "<h1>Indonesia Officially Becomes Full BRICS Member</h1>"
        "<p>Indonesia is now a full member of BRICS, the government of Brazil announced on Monday evening.</p>"
        "<table><tr><th>Country</th><th>Status</th><th>Since</th></tr>"
        "<tr><td>Brazil, Russia, India, China</td><td>Founding member</td><td>2009</td></tr>"
        "<tr><td>South Africa</td><td>Member</td><td>2010</td></tr></table>"
        "<p>Partner countries take part in some BRICS meetings but do not have the rights of full members.</p>"
        "</article></body></html>"
    )
    record = only_record(write(tmp_path / "page.txt", page))
    assert "<p>" not in record.body_raw and "Home | World" not in record.body_raw
    assert record.meta.get("title")  # (the page's own headline, as for an .html file)
    # one paragraph, one row per line, cells between pipes: the text table the claim extractor reads
    assert "Country | Status | Since\nBrazil, Russia, India, China | Founding member | 2009\nSouth Africa | Member | 2010" \
        in record.body_raw
    # a text file that merely mentions a tag stays text
    record = only_record(write(tmp_path / "note.txt", "The <html> tag opens every page; Indonesia joined BRICS."))
    assert record.body_raw.startswith("The <html> tag")


def test_utf8_page_that_declares_a_legacy_charset_is_read_as_utf8(tmp_path):
    page = (
        '<html><head><meta charset="iso-8859-1"></head><body><article><p>Kazakhstan’s accession to the '
        "Abraham Accords was confirmed by the presidential press service on Friday in Astana.</p></article>"
        "</body></html>"
    ).encode("utf-8")
    record = only_record(write(tmp_path / "page.html", page))
    assert "Kazakhstan’s accession" in record.body_raw


def test_sidecar_wins_over_html_page_metadata(tmp_path):
    page = (FIXTURES / "gulf-uae-2020.html").read_text(encoding="utf-8")
    source = write(tmp_path / "uae.html", page)
    write(tmp_path / "uae.html.meta.json", json.dumps({"author": "Sidecar Author", "url": "https://x.example/a"}))
    record = only_record(source)
    assert record.meta["author"] == "Sidecar Author"
    assert record.meta["url"] == "https://x.example/a"
    assert record.meta["title"] == "UAE and Israel sign accord at the White House"


def test_json_article_with_metadata_aliases(tmp_path):
    source = write(
        tmp_path / "a.json",
        json.dumps(
            {
                "headline": "Bahrain joins",
                "authors": ["A One", "B Two"],
                "datePublished": "2020-09-11",
                "content": "Bahrain agreed to normalize ties with Israel.",
                "section": "World",
            }
        ),
    )
    record = only_record(source)
    assert record.source_format == "json"
    assert record.body_raw == "Bahrain agreed to normalize ties with Israel."
    assert record.meta["title"] == "Bahrain joins"
    assert record.meta["author"] == "A One, B Two"
    assert record.meta["published_at"] == "2020-09-11"
    assert record.meta["section"] == "World"


def test_json_body_given_as_html_is_reduced_to_text(tmp_path):
    source = write(
        tmp_path / "a.json",
        json.dumps({"body": "<p>Morocco &amp; Israel agreed.</p><p>Talks follow.</p>"}),
    )
    assert only_record(source).body_raw == "Morocco & Israel agreed.\n\nTalks follow."


def test_jsonl_bad_line_is_an_error_and_good_lines_are_kept(tmp_path):
    lines = [
        json.dumps({"title": "One", "text": "First article text."}),
        "",
        "{not json",
        json.dumps({"title": "No body"}),
        json.dumps({"title": "Four", "body": "Fourth article text.", "publisher": "Own"}),
    ]
    source = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    write(tmp_path / "batch.jsonl.meta.json", json.dumps({"publisher": "Sidecar", "language": "en"}))
    result = read_source_file(source)
    assert [(r.record_idx, r.body_raw) for r in result.records] == [
        (1, "First article text."),
        (5, "Fourth article text."),
    ]
    assert result.records[0].meta["publisher"] == "Sidecar"  # sidecar gives defaults
    assert result.records[1].meta["publisher"] == "Own"  # the record's own value wins
    assert result.records[1].meta["language"] == "en"
    errors = {e.record_idx: e.reason for e in result.errors}
    assert set(errors) == {3, 4}
    assert errors[3].startswith("malformed JSON")
    assert errors[4].startswith("no article text")
    assert all(e.file_sha256 == file_sha256(source) for e in result.errors)


def test_utf8_bom_and_crlf_are_handled(tmp_path):
    source = write(tmp_path / "bom.txt", "\ufeffLine one.\r\n\r\nLine two.\r\n".encode("utf-8"))
    assert only_record(source).body_raw == "Line one.\n\nLine two.\n"


def test_supported_extensions_are_the_documented_ones():
    assert SUPPORTED_EXTENSIONS == (".txt", ".md", ".html", ".htm", ".json", ".jsonl")


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "empty file"),
        ("binary.txt", b"GIF89a\x00\x01\x02 some text", "binary content"),
        ("latin1.txt", "Caf\xe9 au lait".encode("latin-1"), "not valid UTF-8"),
        ("report.pdf", b"%PDF-1.4 ...", "unsupported extension .pdf"),
        ("noext", b"text", "unsupported extension (none)"),
        ("only-front.md", b"---\ntitle: T\n---\n\n", "no article text"),
        ("nobody.json", b'{"title": "T", "url": "https://x"}', "no article text"),
        ("list.json", b"42", "malformed JSON: expected an article object at the top level"),
        ("empty.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
    ],
)
def test_bad_input_reasons(tmp_path, name, content, reason):
    error = only_error(write(tmp_path / name, content))
    assert error.reason.startswith(reason), error.reason
    assert error.record_idx is None
    assert error.path == str(tmp_path / name)
    assert error.file_sha256 == file_sha256(tmp_path / name)


def test_file_larger_than_limit(tmp_path):
    source = write(tmp_path / "big.txt", "word " * 100)
    assert only_error(source, max_bytes=100).reason == "file larger than 100 bytes"
    assert only_record(source, max_bytes=1000).body_raw.startswith("word word")


def test_malformed_json_reason_says_where(tmp_path):
    error = only_error(write(tmp_path / "bad.json", '{"body": "text",\n  "title": }'))
    assert error.reason.startswith("malformed JSON: ")
    assert "line 2" in error.reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("---\ntitle: [unclosed\n---\nBody text.\n", "malformed front matter: "),
        ("---\ntitle: No end\nBody text.\n", "malformed front matter: no closing '---' line"),
        ("---\n- a list\n- not a mapping\n---\nBody text.\n", "malformed front matter: expected 'key: value' lines"),
    ],
)
def test_malformed_front_matter(tmp_path, content, reason):
    assert only_error(write(tmp_path / "fm.md", content)).reason.startswith(reason)


def test_malformed_sidecar_is_an_error_for_the_file(tmp_path):
    source = write(tmp_path / "story.txt", "Body text.")
    write(tmp_path / "story.txt.meta.json", "{url: nope}")
    error = only_error(source)
    assert error.reason.startswith("malformed sidecar story.txt.meta.json: ")


def test_sidecar_that_is_not_an_object(tmp_path):
    source = write(tmp_path / "story.txt", "Body text.")
    write(tmp_path / "story.meta.json", "[1, 2]")
    assert only_error(source).reason == "malformed sidecar story.meta.json: expected a JSON object"


def test_normalize_for_hash():
    assert normalize_for_hash("  Cafe\u0301\u00a0 au\tlait \r\n\r\n\r\n\r\nNext  ") == "Café au lait\n\nNext"


def test_json_array_gives_one_record_per_element(tmp_path):
    source = write(
        tmp_path / "many.json",
        json.dumps([{"text": "First article text."}, {"title": "no body"}, {"article": "Third article text."}]),
    )
    result = read_source_file(source)
    assert [(r.record_idx, r.body_raw) for r in result.records] == [(1, "First article text."), (3, "Third article text.")]
    assert [(e.record_idx, e.reason.split(" (")[0]) for e in result.errors] == [(2, "no article text")]


def test_jsonl_line_that_is_not_utf8_is_an_error_for_that_line(tmp_path):
    content = b'{"body": "Good line."}\n{"body": "Caf\xe9"}\n'
    result = read_source_file(write(tmp_path / "mixed.jsonl", content))
    assert [r.body_raw for r in result.records] == ["Good line."]
    assert [(e.record_idx, e.reason) for e in result.errors] == [(2, "not valid UTF-8")]
