"""A membership held at publication ("Greece is a member of NATO", "Kazakhstan is a founding member of the
SCO") and background member lists: the claim is the outlet's (or its speaker's), and the joining happened at
some unknown time before publication, not on the day. Each expected value is read off the sentence itself."""

from __future__ import annotations

from datetime import date, datetime

from tests.extract.claims_testkit import claims_of, keys

SCO = "Shanghai Cooperation Organisation"
PUBLISHED = datetime(2025, 11, 7, 12, 0)


def test_a_founding_member_is_a_member():
    claims = claims_of("Kazakhstan is a founding member of the Shanghai Cooperation Organisation.", PUBLISHED)
    assert keys(claims) == {("KZ", SCO, "signed", "article")}


def test_a_membership_held_at_publication_joined_at_some_time_before_it():
    claims = claims_of("Greece is a member of NATO.", PUBLISHED)
    assert keys(claims) == {("GR", "NATO", "signed", "article")}
    # not "since yesterday": Greece joined in 1952, which the sentence does not say
    assert (claims[0].date_lower, claims[0].date_upper) == (None, date(2025, 11, 7))


def test_now_a_member_is_news_of_the_day():
    claims = claims_of("Sweden is now a member of NATO.", PUBLISHED)
    assert keys(claims) == {("SE", "NATO", "signed", "article")}
    assert claims[0].date_upper == date(2025, 11, 7) and claims[0].date_lower is not None


def test_not_a_member_and_a_hypothetical_member_are_no_claims():
    assert claims_of("Ukraine is not a member of NATO.", PUBLISHED) == []
    assert claims_of("If Georgia is a member of NATO, Russia will object.", PUBLISHED) == []


# --- joining an accord whose joining is a formal accession (joining_is_membership in accords.yaml) ----------


def test_a_completed_joining_of_an_accession_accord_is_a_membership():
    claims = claims_of("Finland joined NATO on Tuesday.", datetime(2023, 4, 6))
    assert keys(claims) == {("FI", "NATO", "signed", "article")}
    assert (claims[0].date_lower, claims[0].date_upper) == (date(2023, 4, 4), date(2023, 4, 4))
    claims = claims_of("Croatia is the second former Yugoslav republic in the bloc, after Slovenia, which joined the "
                       "European Union in 2004.", datetime(2013, 7, 1))
    assert ("SI", "European Union", "signed", "article") in keys(claims)
    assert keys(claims_of("Iran has acceded to the SCO.", datetime(2023, 7, 5))) == {
        ("IR", SCO, "signed", "article")}


def test_a_joining_of_the_abraham_accords_stays_an_announcement():
    # "joined" is said of Kazakhstan's announced normalization, before any signature (the seed's convention)
    claims = claims_of("Kazakhstan has joined the Abraham Accords, Trump said.", PUBLISHED)
    assert keys(claims) == {("KZ", "Abraham Accords", "announced", "Donald Trump")}


def test_a_future_or_agreed_joining_is_no_membership():
    assert keys(claims_of("Sweden will join NATO.", datetime(2023, 4, 6))) == {("SE", "NATO", "announced", "article")}
    assert keys(claims_of("Sweden agreed to join NATO.", datetime(2023, 4, 6))) == {("SE", "NATO", "announced", "article")}


def test_a_follower_takes_the_status_of_its_lead():
    claims = claims_of("Finland joined NATO in 2023, and Sweden followed a year later.", datetime(2024, 6, 1))
    assert {(c.country_code, c.status) for c in claims} == {("FI", "signed"), ("SE", "signed")}
    claims = claims_of("The UAE agreed to normalize ties with Israel under the Abraham Accords and Bahrain followed "
                       "suit.", datetime(2020, 9, 20))
    assert {(c.country_code, c.status) for c in claims} == {("AE", "announced"), ("BH", "announced")}


def test_a_completing_trigger_of_another_status_is_rejected_on_load():
    import pytest

    from pipelines.extract.claims.status import VocabularyError, parse_vocabulary

    with pytest.raises(VocabularyError, match="complete a joining"):
        parse_vocabulary({"triggers": {"candidate": {"patterns": [{"p": "applied", "completes": True}]}}})
    with pytest.raises(VocabularyError, match="mapping of p"):
        parse_vocabulary({"triggers": {"announced": {"patterns": [{"p": "joined", "complete": True}]}}})
