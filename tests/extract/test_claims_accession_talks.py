"""Accession talks as enlargement coverage writes them: "opened accession talks in July 2022", "has been conducting
accession talks since 2012", "Serbia, negotiating since 2014, ...", "have been negotiating to join for years", "agreed to
begin Costa Rica's accession process", "willing to continue normalization discussions"; and an agenda a country is not
on, which is no refusal. Sentences written for these tests (outlets and years other than the seed's); each expected
value is read off the sentence."""

from __future__ import annotations

from datetime import date, datetime

from tests.extract.claims_testkit import claims_of, keys

EU = "European Union"
DECEMBER_2023 = datetime(2023, 12, 16, 9, 0)
SUMMIT = "EU leaders met in Brussels on Thursday. "


def negotiating(claims) -> dict[str, tuple]:
    return {c.country_code: (c.accord, c.date_lower, c.date_upper) for c in claims if c.status == "negotiating"}


def test_talks_opened_or_conducted_by_the_candidates_are_negotiations_dated_by_their_start():
    claims = claims_of(SUMMIT + "Albania and North Macedonia opened accession talks in July 2022, after years of delay.",
                       DECEMBER_2023)
    assert negotiating(claims) == {"AL": (EU, date(2022, 7, 1), date(2022, 7, 31)),
                                   "MK": (EU, date(2022, 7, 1), date(2022, 7, 31))}
    claims = claims_of(SUMMIT + "Montenegro has been conducting accession talks since June 2012.", DECEMBER_2023)
    assert negotiating(claims) == {"ME": (EU, date(2012, 6, 1), date(2023, 12, 16))}
    claims = claims_of(SUMMIT + "Serbia, negotiating since 2014, has made little progress.", DECEMBER_2023)
    assert negotiating(claims) == {"RS": (EU, date(2014, 1, 1), date(2023, 12, 16))}
    claims = claims_of(SUMMIT + "Iceland and Turkey have been negotiating to join for years.", DECEMBER_2023)
    assert set(negotiating(claims)) == {"IS", "TR"}
    # the bloc that opens talks with a country is no candidate of its own
    claims = claims_of(SUMMIT + "The EU opened accession talks with Ukraine in June.", DECEMBER_2023)
    assert keys(claims) == {("UA", EU, "negotiating", "article")}


def test_an_accession_process_begun_and_talks_continued_are_negotiations():
    claims = claims_of("Britain joined the CPTPP on Sunday. Ministers agreed to formally begin Uruguay's accession "
                       "process.", DECEMBER_2023)
    assert ("UY", "CPTPP", "negotiating", "article") in keys(claims)
    claims = claims_of("The Abraham Accords turn three. Oman and Israel were willing to continue normalization "
                       "discussions, John Kirby said.", DECEMBER_2023)
    assert keys(claims) == {("OM", "Abraham Accords", "negotiating", "John Kirby")}


def test_a_country_not_on_an_agenda_refuses_nothing():
    assert claims_of(SUMMIT + "Serbia and Montenegro were not on the agenda.", DECEMBER_2023) == []
    claims = claims_of(SUMMIT + "Serbia and Montenegro, already in accession negotiations, were not on the agenda.",
                       DECEMBER_2023)
    assert {c.status for c in claims} == {"negotiating"}
    # a joining that is not on the agenda is a refusal
    claims = claims_of("The Abraham Accords turn three. The question of Georgia joining the Abraham Accords is not on "
                       "the agenda, Tbilisi said.", DECEMBER_2023)
    assert [(c.accord, c.status) for c in claims] == [("Abraham Accords", "declined")]
    claims = claims_of("The Abraham Accords turn three. Tajikistan's accession is off the table.", DECEMBER_2023)
    assert keys(claims) == {("TJ", "Abraham Accords", "declined", "article")}
