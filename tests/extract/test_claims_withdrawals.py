"""Withdrawals as coverage writes them: a country taken out by its government's order, a possessive withdrawal, "left
in January 2020" with the accord unsaid, "the first to leave"; and what is no withdrawal (one only discussed, a
refusal called a withdrawal, a document's year). Sentences written for these tests (outlets and years other than the
seed's); each expected value is read off the sentence."""

from __future__ import annotations

from datetime import date, datetime

from tests.extract.claims_testkit import claims_of, keys

PARIS = "The Paris Agreement was adopted in 2015. "
EU = "EU leaders met in Brussels. "
JANUARY_2025 = datetime(2025, 1, 22, 9, 0)


def test_a_country_taken_out_is_the_one_that_withdraws():
    claims = claims_of(PARIS + "The president signed an executive order withdrawing Argentina from the Paris Agreement, "
                               "the landmark 2015 climate pact.", JANUARY_2025)
    assert keys(claims) == {("AR", "Paris Agreement", "withdrawn", "article")}
    assert claims[0].date_lower is None  # (the pact's 2015 dates no withdrawal)
    claims = claims_of(PARIS + "The order pulled the United States out of the Paris Agreement for the second time.",
                       JANUARY_2025)
    assert keys(claims) == {("US", "Paris Agreement", "withdrawn", "article")}


def test_leaving_told_without_the_accord_or_as_a_noun():
    claims = claims_of(EU + "The bloc shrank to 27 members when the United Kingdom left in January 2020.", JANUARY_2025)
    assert [(c.country_code, c.accord, c.status, c.date_lower) for c in claims] == [
        ("GB", "European Union", "withdrawn", date(2020, 1, 1))]
    claims = claims_of(EU + "Since the United Kingdom's withdrawal in January 2020, the EU has 27 member states.",
                       JANUARY_2025)
    assert keys(claims) == {("GB", "European Union", "withdrawn", "article")}
    claims = claims_of(EU + "Britain became the first to leave, in 2020.", JANUARY_2025)
    assert keys(claims) == {("GB", "European Union", "withdrawn", "article")}
    # a withdrawal from something else is none
    assert claims_of(EU + "Russia's withdrawal from the talks angered Kyiv.", JANUARY_2025) == []


def test_what_is_no_withdrawal():
    # only discussed
    assert claims_of("NATO leaders met. The New York Times reported that the president had privately discussed "
                     "withdrawing the United States from NATO.", JANUARY_2025) == []
    # the "withdrawal" of a country that only refused is its refusal
    claims = claims_of("BRICS leaders met. Argentina will not join BRICS. Argentina's withdrawal leaves the enlarged "
                       "bloc at ten members.", JANUARY_2025)
    assert {c.status for c in claims} == {"declined"}


def test_could_follow_in_an_article_about_an_exit_is_no_candidacy_to_join():
    text = ("Donald Trump signed an executive order on Monday. There has been speculation that Argentina could follow.")
    claims = claims_of(text, datetime(2025, 1, 21), title="Trump's Paris Agreement exit: five things energy companies need "
                                                          "to know")
    assert "AR" not in {c.country_code for c in claims}
    # under a title about a joining it stays one
    claims = claims_of("Kazakhstan joined the Abraham Accords. There has been speculation that Azerbaijan could follow.",
                       datetime(2025, 11, 7), title="Kazakhstan joins the Abraham Accords")
    assert ("AZ", "candidate") in {(c.country_code, c.status) for c in claims}
