"""The blind set (tests/fixtures/blind): articles written and labelled by writers who had not seen the
extractor's rules, in nineteen rounds, read through the ingest path.

Round 1 (20 articles): ten about the Abraham Accords (Gulf News, the Guardian, the Jerusalem Post, AP,
Hurriyet, Bloomberg, Middle East Eye, Politico, Kazinform, a think tank; 2020-2025) and ten about other
accords and their traps (Reuters, Times of Israel, Al Jazeera, The National, Arab News, AP, Euronews, Nikkei,
DW, TASS). Measured on 2026-11-29 at their first run (commit 11773d5): the Abraham Accords half had
precision 0.78 and recall 0.35, the other half 0.95 and 0.56. Two claims were really wrong (a Mauritania
candidacy credited to Kazakhstan, a Bahrain withdrawal from "did not say it was withdrawing"); the other
"false" claims were true ones the writers had not labelled.

Round 2 (24 articles): twelve about the Abraham Accords (CNN, Fox News, Sudan Tribune, Morocco World News,
i24NEWS, Al-Monitor, The Hill, Trend, the Jakarta Post, a Substack ledger, France 24, Anadolu) and twelve
about NATO, the EU, BRICS, CPTPP, Paris and the SCO (BBC 2008 to Bloomberg 2025). First run: the Abraham
Accords half (commit 0989835) precision 0.69 and recall 0.37, most "false" claims a government named
otherwise than the writer named it; the other half (during the fixes of the first, before 566504b) precision
0.91 and recall 0.47. Really wrong: "Cairo has joined such a gathering", "the Palestinian issue had been
raised in the talks", "Canada has joined exploratory talks", "The United States, which led negotiations",
treaties "not part of the Abraham Accords" taken as the Accords, "was invited to join" given the EU.

Round 3 (20 articles): ten about the Abraham Accords (Washington Post, Kun.uz, a White House statement, NPR, a
think-tank Q&A with a table, The Economist, a Bahraini ministry release, The Arab Weekly, The Times, WSJ) and ten
mixing accords (Reuters, AFP, Al Arabiya, The Moscow Times, Foreign Policy, Gulf Business, RFE/RL, The Diplomat,
Euractiv, a Bloomberg newsletter). First run: Abraham Accords pages (commit bf81b41) precision 0.64, recall 0.28;
the mixed pages (during the fixes of the first, before 750d4eb) 0.76 and 0.35. Really wrong: Bhutan and Kosovo
under the Accords from "but not under the Abraham Accords framework", Egypt a predecessor in them, Armenia a
candidate from "It did not, however, bring Armenia into ...", "Why hasn't Saudi Arabia joined?" a candidacy.
Tables, Q&A lists and conditional openings ("could recognize Israel if ...") stay mostly missed.

Round 4 (10 articles): AP, BBC, a State Department briefing transcript, The Peninsula, Arab News Pakistan, a
Jerusalem Post opinion, Haaretz, a podcast transcript, Middle East Monitor, Sky News Arabia, on the Abraham Accords.
First run (commit c81030d): precision 0.88, recall 0.39; really wrong only "Mauritania denies reports of secret
talks with Israel" read as talks.

Round 5 (8 articles): Reuters, The National, Bahrain News Agency, SUNA, AFP via France 24, Kazinform, The Times
of Central Asia, Dawn, on 2020-21 and November 2025 coverage. First run (commit 0c09b95): precision 0.97 (the only
"false" claim Egypt's true 1979 treaty), recall 0.71.

Round 6 (24 articles, written in session 15): eight on the Abraham Accords by outlets not used before
(Ynetnews live blog, VOA, Hespress, Asharq Al-Awsat, Khaleej Times, TRT World, The Astana Times, Le Monde with its
date only in the URL), eight on other accords (Balkan Insight, Politico Europe, RFE/RL, Reuters, The Hindu,
Mercopress, AP, Kyodo; 2013-2025) and eight in hard formats (an AFP fact check, an op-ed, a briefing transcript
with speaker labels, a newsletter timeline, a Q&A explainer, a story with a correction, a trade story, a sports
story). First run, all on commit dd3c797: precision 0.73 / 0.50 / 0.79 and recall 0.38 / 0.18 / 0.33
(bench/measured/2026-11-29-round15/raw/). Really wrong: "invite X ... to become full members of BRICS" read as
membership, a Kazakhstan signing from "would become the first country ... to sign", "will join Iran, Libya and
Yemen as the only countries outside the agreement", "Iceland's ... accession talks on hold", "Russia would follow
it closely", "the countries that joined" given Syria, "it is his fervent hope that Saudi Arabia will join", "has
never formally confirmed that it has joined", quotes of an unknown "Stoltenberg" given to Blinken and the Kremlin,
"the ambassador to Israel says" making Israel the speaker, a fact check's debunked posts given to the outlet. Most
"false" claims of the other-accords round were a convention: "Finland joined NATO" had been stored as announced
(now a membership for accords whose joining is an accession, joining_is_membership).

Round 7 (24 articles, session 15, after the fixes of round 6): eight on the Abraham Accords (Axios, Gulf Times,
Al-Ahram, The Straits Times, Israel Hayom, CBS, Gazeta.uz, NBC), eight on other accords (Notes from Poland, Kyiv
Post, Kathimerini, Jakarta Globe, Premium Times, The Tico Times, Daily Maverick, BelTA) and eight in hard formats
(KUNA copy, a UK government release, a page full of web noise, a news roundup, a wire story with a correction, an
analysis of hypotheticals, a print interview, an outlet writing English as a second language). First run, all on
commit 31d0e97: precision 0.78 / 0.74 / 0.66, recall 0.46 / 0.25 / 0.19. Really wrong: "no negotiations with it"
(the Khartoum "three noes") as talks, "the president has repeatedly said" given to the last speaker, "..., added
South Africa in 2010" making South Africa a speaker, the United States a NATO signatory from "the depositary of the
North Atlantic Treaty, signed there in 1949", a BRICS partner country as a member, a correction's retracted report,
the US withdrawal from the original TPP (2017) as a CPTPP withdrawal, Indonesia's OECD accession given the CPTPP,
"without setting a date" as a refusal, a hypothetical Saudi deal as announced, Somaliland's recognition "in the
spirit of the Abraham Accords" as a signature.

Round 8 (24 articles, session 15, after the fixes of round 7): eight on the Abraham Accords in 2021-24 (The Times
of Israel, Reuters, Middle East Eye, The National, Bloomberg, Morocco World News, JNS, Arab News), eight on tricky
statuses of other accords (Daily Sabah, The Nation, N1, Civil.ge, The Irish Times, Climate Home News, the Buenos
Aires Herald, Nikkei Asia) and eight in hard formats (text tables, "who's in" bullets, a factbox, a podcast, a
translated press review, a page of headlines, a live blog with a correction, a long read). First run, all on commit
786a1e6 (which reads text tables): precision 0.82 / 0.89 / 0.81, recall 0.40 / 0.38 / 0.31. Really wrong: "would
have joined very quickly", "in US-brokered talks on establishing relations" as an announcement, "taking part in the
talks", "among the other Asean members" as BRICS members, the EU from "a year after leaving the European Union",
a live blog's entry its correction retracts (Uzbekistan); "established diplomatic relations" (done) had been stored
as announced.

Round 9 (24 articles, session 15, after the fixes of round 8): eight from outlets of countries that did not join
the Abraham Accords (Anadolu, Tehran Times, The Jakarta Post, The Daily Star, The Express Tribune, Kuwait Times,
Dawn, Al Mayadeen), eight on members of other accords (AP, Agência Brasil, The Moscow Times, Le Monde, SCMP,
Anadolu, The Guardian, Euronews) and eight in hard formats (a factbox with month/year tables, a numbered list of
NATO's 31 members, a government statement, a TV transcript, a minister's op-ed, a chronology, an analysis of
pronouns, an explainer). First run, all on commit 319334d: precision 0.85 / 0.94 / 0.82, recall 0.40 / 0.42 /
0.11. Really wrong: "I call upon the Bangladeshi government to ... establish diplomatic ties" as an announcement,
"rejected the impression that Pakistan was moving towards establishing relations" as one, "Georgia signs an
Association Agreement with the EU" as EU membership; speakers: a Kremlin confirmation given the gloss "Türkiye, a
member of NATO,", "the US-brokered agreements under which the UAE ... normalized" given to Netanyahu, "Trump, who
is seeking re-election, claimed ..." lost to the outlet. Numbered lists were split after their numbers.

Round 10 (24 articles, session 15, after the fixes of round 9): eight precision traps (trade, flights, sports,
exercises, a farm-subsidy row, a BRICS bank loan, a CPTPP dispute, climate finance), eight short briefs (flashes,
a ticker, a newsletter, a section front, a dateline-only brief) and eight long analyses of enlargement history
(Foreign Affairs, Carnegie, The Diplomat, Chatham House, the Interpreter, ECFR, War on the Rocks, CFR). First run,
all on commit 632fda4: precision 0.65 / 0.93 / 0.86, recall 0.59 / 0.47 / 0.21. Really wrong: Ukrainian grain that
"entered the market" as EU membership, the US withdrawal from "the original Trans-Pacific Partnership" as a CPTPP
withdrawal, Saudi Arabia from "flights from Israel to Saudi Arabia could follow" (three must-nots), NATO's
"will become members" promise as announced.

Round 11 (24 articles, session 15, after the fixes of round 10): eight on the Abraham Accords in late 2025 and 2026
(AKIpress, Arab News, Asia-Plus, Caspian News, Enab Baladi, Hiiraan Online, Kun.uz, Politico), eight on enlargement
told in prose (Euronews, Balkan Insight, Reuters, DW, AP, Nikkei Asia, SCMP, The Hindu) and eight in hard formats (a
Q:/A: interview, a month/year table, an "Exclusive:" wire, a pronoun-only story, a story translated from Russian, a
ministry release in numbered paragraphs, a wire with a background section, a comment piece). First run, all on
commit aaae1dd: precision 0.60 / 0.88 / 0.85, recall 0.36 / 0.24 / 0.35. Really wrong: glosses of the accord ("the
accords, which normalized Israel's relations with ...") given to the speaker, "a joint declaration of mutual
recognition" as the Abraham Accords, Armenia from "before the document can be signed" (two must-nots), relations
"established shortly after independence" as the accords, a list after "With Sweden's accession, ...:" given the EU.

Round 12 (24 articles, session 15, after the fixes of round 11): mainstream US and UK coverage of the Abraham Accords
(in the styles of the New York Times, the Wall Street Journal, CNN, the BBC, NBC, the Financial Times, The Economist,
Fox News), wire coverage of NATO and the EU in 2022-2025 (Reuters, AP, AFP, Bloomberg) and regional coverage of BRICS
and the SCO (Daily Maverick, MercoPress, The East African, Premium Times, Agência Brasil, TASS, Xinhua, The Hindu).
First run, all on commit d7c35e1: precision 0.76 / 0.96 / 0.90, recall 0.26 / 0.29 / 0.24. Really wrong: "are going
to have fully normalised relations" as a membership, "poured cold water on suggestions that Damascus could be next"
as a candidacy, Russia from "a brief war with Russia ... the country would eventually join" (a must-not).

Round 13 (24 articles, written at the end of session 15 as typical archive pages and kept outside the set as a
measurement until session 16): the Abraham Accords 2020-2025 (AP, The Times of Israel, Al Jazeera, Morocco World
News, the State Department, Reuters, The Astana Times, an explainer), other accords 2008-2025 (AFP, Yle, Kyiv
Independent, Buenos Aires Times, BelTA, GOV.UK, ANTARA, an explainer) and pages that mention the accords in passing.
First run on 2bbb23c: precision 0.92 / 0.88 / 0.89, recall 0.54 / 0.31 / 0.24. Most of the recall it missed was
memberships described rather than reported ("BRICS, which groups Brazil, ...", "NATO member Turkey").

Round 14 (24 articles, session 16): typical coverage of the Abraham Accords' 2020-21 events (The Washington Post,
Sky News, Gulf News, BNA, Khaleej Times, Hespress, The Jerusalem Post, Al-Monitor), of 2022-2026 (The National,
Bloomberg, Axios, Jewish Insider, The Times of Central Asia, Eurasianet, Arab News, Haaretz) and of other accords
2013-2025 (France 24, POLITICO Europe, DW, Bloomberg, CNA, The Straits Times, RFE/RL, Mail & Guardian). First run
on fbc5114: precision 0.76 / 0.87 / 0.87, recall 0.47 / 0.49 / 0.40. Really wrong: "the kingdom won't establish
relations" as an announcement (a negation glued to its auxiliary), "The kingdom has long said ..." read as Morocco
(the last kingdom of a list), "Saudi Arabia will not follow the UAE in establishing relations, the kingdom's foreign
minister said" as the UAE's announcement by the UAE, Trump's expectation after "..., as Donald Trump says" given to
Saudi Arabia.

Round 15 (24 articles, session 16, written during the fixes of round 14; first run on 0bd4d39): regional outlets on
the Abraham Accords (Dawn, The Jordan Times, Anadolu, Al-Ahram, Asharq Al-Awsat, TRT World, The New Arab, Middle
East Monitor), other accords in outlets of Asia, Africa and Latin America (Kyodo, Dhaka Tribune, Folha, The Times of
India, The Korea Herald, The Moscow Times, El País, Nation) and pages that are not straight news (The Conversation,
the Lowy Institute, the Atlantic Council, the ministries of Bahrain and Kazakhstan, Semafor, The Diplomat,
Brookings). Precision 0.87 / 0.79 / 0.88, recall 0.53 / 0.42 / 0.31 (on fbc5114: 0.84 / 0.76 / 0.87 and
0.48 / 0.36 / 0.29). Really wrong: "informed the leaders of Brazil, Russia, ... that his country will not join" as
their refusals, the US withdrawal from "its predecessor, the TPP" as a CPTPP withdrawal (a must-not), "had never
applied ..., dismissing reports" as a candidacy, Bangladesh a member of "the BRICS-led New Development Bank", Jordan
given Egypt's treaty as a follower, "an agreement under which Saudi Arabia would establish relations" announced.

Round 16 (24 articles, session 16, first run on 637c2fc): the Abraham Accords in US and European outlets (NPR, PBS,
USA Today, The Telegraph, DW, Vox, The Independent, Euronews), other accords in outlets not used before (LRT, CBC,
Hindustan Times, ABC Australia, ERR, Bernama, RTÉ, TVP World) and state and regional agencies (BNA, MAP, KUNA,
Xinhua, Daryo, Bernama, Trend). Precision 0.82 / 0.80 / 0.97, recall 0.56 / 0.33 / 0.38 (on fbc5114: 0.82 / 0.81 /
1.00 and 0.54 / 0.30 / 0.34). Really wrong: "the 10 ASEAN members, Japan, South Korea" (RCEP) as CPTPP members (a
must-not), "hopes ... were dashed after EU member Bulgaria kept its veto" as Bulgaria's candidacy.

Round 17 (24 articles, session 16, first run on 1a7dd05): typical Abraham Accords news of 2020-2025 (Ynetnews,
i24NEWS, Khaleej Times, The Times of Israel, The New Arab, Reuters, The Astana Times, Kun.uz), "who is next"
speculation and denials (Middle East Eye, Kuwait Times, The Jakarta Post, Israel Hayom, The Jerusalem Post, The
Cradle, Arab News, Dawn) and other accords 2016-2025 (The Irish Times, The Guardian, Kazinform, the FT, Tico Times,
Taipei Times, MIA, RFE/RL). Precision 0.80 / 0.82 / 0.95, recall 0.58 / 0.40 / 0.39 (on fbc5114: 0.80 / 0.82 / 0.94
and 0.56 / 0.40 / 0.31). Really wrong: "it has no plans to establish diplomatic relations" as an announcement,
"is interested in establishing relations" as one, "Trump, speaking to reporters at the White House, said" given to
the White House.

Round 18 (24 articles, session 16, written after every other fix and first run on 69ba5bb as the session's
measurement): the Abraham Accords 2020-2026 in outlets not used before (CNBC, the Los Angeles Times, The Globe and
Mail, Gulf Today, Newsweek, Saudi Gazette, Yeni Şafak, SCMP), other accords 2004-2025 (Ukrinform, The Local, BTA,
HINA, Prensa Latina, EFE, Japan Today, Swissinfo) and Kazakhstan's November 2025 announcement in Central Asian and
Caucasian outlets (Al Jazeera, Caliber.Az, Eurasia Review, JAMnews, The Jerusalem Post, Orda.kz, Tengrinews,
Vlast.kz). Precision 0.91 / 0.85 / 0.86, recall 0.49 / 0.62 / 0.52; all: 0.87 / 0.55 (on fbc5114, the session's
start: 0.84 / 0.47). Really wrong: the Azerbaijan-Armenia peace agreement as the Abraham Accords (a must-not), "the
Adriatic Charter signed with the US" as NATO, "Neither the parliament's statement nor the government's said Bahrain
was withdrawing" as a withdrawal.

Round 19 (24 articles, session 16, first run on ac42541): the Abraham Accords' members after signing, 2021-2024
(Radio Dabanga, The Africa Report, Le360, Emirates 24/7, Globes, Asia Times, Foreign Policy, World Politics
Review), membership steps of the other accords 2022-2025 (Helsinki Times, Turkish Minute, Hungary Today, Moldpres,
AKIpress, The Jakarta Globe, The Tico Times, Inside Climate News) and pages with all their clutter (live pages, link
lists, comments, newsletters). Precision 0.87 / 0.88 / 0.87, recall 0.45 / 0.39 / 0.40 (on fbc5114: 0.85 /
0.40). Really wrong: readers' comments and "READ MORE" headlines read as the story (three must-nots), "Türkiye, a
NATO member, ... applied to join the group" given to NATO, "after which the country formally becomes a member" (a
procedure ahead) as a membership.

The fixes of commits 199720f..8ee3324 and of session 16 (66a65c9 onwards) were made on these articles, so the set
is no longer blind. Labels changed after the runs, each marked with a "note" in its file: true claims the writers had not labelled and
the treaties of Egypt and Jordan are optional, "EG"/"JO" in must_not became "EG:Abraham Accords"/"JO:Abraham
Accords", a weaker status is accepted where the text supports it, and "Government of X" is accepted where
the writer named that government's ministry; "will X be next?" in the outlet's voice is an optional candidacy.
Still counted false: speakers the extractor names otherwise (Bahrain and Oman as candidates in the outlet's voice
where the writer names "Israeli media"; the UAE and Bahrain's 2020 normalization inside "Officials in Ankara
stressed that ..., under which ..."; Trump's urging of Syria, and Lebanon's leaders ruling out normalization, reported
by the outlet; a briefing transcript's "SPOKESPERSON: Sudan signed the declaration."). The test below therefore checks each claim's country, accord and status whoever says it, and the
precision with speakers."""

from __future__ import annotations

import pytest

from pipelines.extract.claims.evaluation import Score, accepts, load_blind_articles, score_articles
from pipelines.extract.pipeline import analyze_article

# A guard against regressions, not a target: rounds 6, 7 (tables, transcripts, interviews, non-native
# English, other accords' background lists), 8, 9, 10, 11 and 12 brought the set's recall from 0.59 (82 articles)
# to 0.42 (250); rounds 13-19 and the fixes of session 16 left it at 0.49 (418), session 17's applications for
# membership at 0.51, session 18's refusals, founders, accession talks and background members at 0.57, session 19's
# speakers, fact boxes, lists after membership nouns, entries into force and enlargement waves at 0.595, session 20's
# transcript turns, leaders by the dictionary, counted plurals and named groups, fellow members at 0.62, session 21's
# counted member lists, section headings that return to the article's accord, tables and signing records at 0.64.
RECALL_FLOOR = 0.63


@pytest.fixture(scope="module")
def blind():
    return load_blind_articles()


@pytest.fixture(scope="module")
def score(blind) -> Score:
    return score_articles(blind)


def test_blind_set_is_whole(blind):
    assert len(blind) == 418
    assert sum(1 for a in blind if a.article.published_at is None) >= 1  # a page without a date


def _unlabelled_whoever_says_it(blind) -> list[tuple]:
    """Claims whose country, accord and status no label accepts, with any speaker."""
    wrong = []
    for labelled in blind:
        for claim in analyze_article(labelled.article).claims:
            if not any(accepts({**label, "claimed_by": "*"}, claim) for label in labelled.claims):
                wrong.append((labelled.name, claim.country_code, claim.accord, claim.status, claim.evidence))
    return wrong


def test_no_claim_that_no_label_accepts_whoever_says_it(blind):
    assert _unlabelled_whoever_says_it(blind) == []


def test_no_must_not_violation(score):
    assert not [e for e in score.errors if "MUST-NOT" in e]


def test_overall_precision(score):
    assert score.precision() >= 0.95, [e for e in score.errors if "FALSE" in e]


def test_overall_recall_floor(score):
    assert score.recall() >= RECALL_FLOOR, [e for e in score.errors if "MISSED" in e]
