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
