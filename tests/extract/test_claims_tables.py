"""Text tables: a header whose columns name a step and one row per country. Each dated cell of a step column
is the outlet's claim about the row's country, dated by the cell; the values below are read off the rows."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pipelines.extract.claims.status import VocabularyError, parse_vocabulary
from pipelines.extract.claims.tables import cell_spans, is_empty_cell, table_header
from pipelines.extract.pipeline import analyze_article
from pipelines.extract.text_article import article_from_text

PUBLISHED = datetime(2025, 11, 20)


def _minimal_vocabulary(**extra) -> dict:
    """The smallest claim_triggers.yaml that parses, with ``extra`` sections."""
    return {"triggers": {}, "reporting_verbs": ["said"], "anonymous_speakers": ["sources"], "pronoun_speakers": ["he"],
            "modality": {k: ["x"] for k in ("negation", "refusal", "hedge", "future", "condition", "refutation",
                                            "spectator", "counterfactual_opener", "time_reference")}, **extra}


def _claims(text: str):
    article = article_from_text(text, published_at=PUBLISHED)
    return {(c.country_code, c.accord, c.status, c.claimed_by, c.date_lower) for c in analyze_article(article).claims}


def test_each_dated_step_of_a_row_is_a_claim_of_the_article_s_accord():
    text = ("Who is in the Abraham Accords?\n\n"
            "Country | Announced | Signed | Status\n\n"
            "United Arab Emirates | Aug. 13, 2020 | Sept. 15, 2020 | Member\n\n"
            "Republic of Kazakhstan | Nov. 6, 2025 | - | Accession announced; signing ceremony pending\n\n"
            "Israel | Aug. 13, 2020 | Sept. 15, 2020 | Counterparty")
    aa = "Abraham Accords"
    assert _claims(text) == {
        ("AE", aa, "announced", "article", date(2020, 8, 13)),
        ("AE", aa, "signed", "article", date(2020, 9, 15)),
        ("KZ", aa, "announced", "article", date(2025, 11, 6)),  # "-": not signed; Israel is never a joiner
    }


def test_a_joined_column_follows_the_accord_s_kind_of_joining():
    nato = ("NATO's newest members\n\nCountry\tJoined\tCapital\n\nFinland\tApril 4, 2023\tHelsinki\n\n"
            "Sweden\tMarch 7, 2024\tStockholm")
    assert _claims(nato) == {("FI", "NATO", "signed", "article", date(2023, 4, 4)),
                             ("SE", "NATO", "signed", "article", date(2024, 3, 7))}
    aa = "The Abraham Accords so far\n\nCountry | Joined\n\nMorocco | Dec. 10, 2020"
    assert _claims(aa) == {("MA", "Abraham Accords", "announced", "article", date(2020, 12, 10))}


def test_a_table_without_an_accord_or_without_a_step_column_claims_nothing():
    assert _claims("Country | Announced | Signed\n\nUnited Arab Emirates | Aug. 13, 2020 | Sept. 15, 2020") == set()
    assert _claims("The Abraham Accords at five\n\nCountry | Capital | Population\n\nMorocco | Rabat | 37 million") == set()


def test_cells_and_headers():
    assert cell_spans("A | B |  C") == [(0, 1), (4, 5), (9, 10)]
    columns = {"signed": "signed", "joined": "joined"}
    header = table_header("Country | Signed | Notes", columns)
    assert header is not None and header.n_cells == 3 and header.columns == {1: ("signed", "Signed")}
    assert table_header("Share: X | LinkedIn | Email", columns) is None
    assert is_empty_cell(" - ") and is_empty_cell("pending") and not is_empty_cell("Sept. 15, 2020")


def test_a_table_column_with_an_unknown_status_is_rejected_on_load():
    with pytest.raises(VocabularyError, match="table_columns"):
        parse_vocabulary(_minimal_vocabulary(table_columns={"member": ["member since"]}))


def test_a_status_column_gives_each_row_its_status():
    text = ("BRICS at a glance\n\n"
            "Country | Status | Since\n"
            "Brazil | Founding member | 2009\n"
            "Egypt | Member | Jan 1, 2024\n"
            "Saudi Arabia | Invited; decision pending | -\n"
            "Argentina | Invitation declined | -\n"
            "Belarus | Partner country | Jan 1, 2025")
    claims = _claims(text)
    assert {(code, accord, status, by) for code, accord, status, by, _lower in claims} == {
        ("BR", "BRICS", "signed", "article"), ("EG", "BRICS", "signed", "article"),
        ("SA", "BRICS", "candidate", "article"), ("AR", "BRICS", "declined", "article")}  # a partner is no member
    assert {(code, lower) for code, _a, _s, _b, lower in claims if code in ("BR", "EG")} == {
        ("BR", date(2009, 1, 1)), ("EG", date(2024, 1, 1))}


def test_a_status_column_with_an_unknown_status_is_rejected_on_load():
    with pytest.raises(VocabularyError, match="table_status"):
        parse_vocabulary(_minimal_vocabulary(table_status={"columns": ["status"], "skip": ["partner"],
                                                           "words": {"member": ["member"]}}))


def test_a_countrys_fact_box_of_memberships():
    text = ("Under President Prabowo Subianto, Jakarta has moved quickly to join multilateral clubs.\n\n"
            "Indonesia's memberships at a glance\n\n"
            "- BRICS: full member since 6 January 2025\n\n"
            "- CPTPP: formal accession request submitted September 2024\n\n"
            "- OECD: accession roadmap adopted May 2024\n\n"
            "- Paris Agreement: Party since 2016\n\n"
            "- Abraham Accords: not a party; no diplomatic relations with Israel")
    claims = _claims(text)
    assert {(code, accord, status) for code, accord, status, by, _lower in claims} == {
        ("ID", "BRICS", "signed"), ("ID", "CPTPP", "candidate"), ("ID", "Paris Agreement", "signed"),
        ("ID", "Abraham Accords", "declined")}
    assert {(accord, lower) for _c, accord, _s, _b, lower in claims if accord in ("BRICS", "Paris Agreement")} == {
        ("BRICS", date(2025, 1, 6)), ("Paris Agreement", date(2016, 1, 1))}


def test_a_that_clause_has_its_own_subject_after_a_relative_clause():
    claims = _claims("When Brazil, which holds the BRICS chair in 2025, announced on 6 January that Indonesia had become "
                     "a full member of the bloc, few were surprised.")
    assert {(code, status) for code, _a, status, _b, _l in claims} == {("ID", "signed")}


def test_a_row_whose_first_cell_lists_countries_is_a_claim_for_each():
    text = ("Who is in BRICS\n\nCountry | Status | Since\nBrazil, Russia, India, China | Founding member | 2009\n"
            "South Africa | Member | 2010\nIsrael's deal with the UAE | Member | 2020")
    claims = analyze_article(article_from_text(text, published_at=PUBLISHED)).claims
    assert {(c.country_code, c.status, c.date_lower.year) for c in claims} == {
        ("BR", "signed", 2009), ("RU", "signed", 2009), ("IN", "signed", 2009), ("CN", "signed", 2009),
        ("ZA", "signed", 2010)}
