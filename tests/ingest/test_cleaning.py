"""Boilerplate removal on short noisy articles written in different outlet styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.ingest.cleaning import clean_body

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def headings(cleaned) -> list[str]:
    return [cleaned.body[start:end] for start, end in cleaned.heading_spans]


def test_ap_style_page():
    cleaned = clean_body(fixture_text("ap-style-sudan-2020.txt"))
    assert cleaned.title == "Sudan agrees to normalize ties with Israel, Trump says"
    assert cleaned.author == "JANE ROE and JOHN DOE"
    assert cleaned.posted_text == "Oct 23, 2020 12:40 PM"
    assert cleaned.photo_caption == (
        "President Donald Trump speaks on a phone call in the Oval Office of the White House. (AP Photo/Alex Brandon)"
    )
    # The dateline stays: a later stage reads it.
    assert cleaned.body.startswith("WASHINGTON (AP) — Sudan has agreed to take steps to normalize relations")
    for noise in ("By JANE", "Posted:", "Source:", "AP Photo", "Also Read", "Latest News", "Storm heads",
                  "Markets rally", "@AP"):
        assert noise not in cleaned.body, noise
    assert cleaned.body.endswith("Dr. Smith of the U.S. Institute of Peace said.")
    assert len(cleaned.body.split("\n\n")) == 4
    assert headings(cleaned) == []


def test_tass_style_page():
    cleaned = clean_body(fixture_text("tass-style-kazakhstan-2025.txt"))
    assert cleaned.title == "Kazakhstan confirms it will join Abraham Accords"
    assert cleaned.photo_caption == "Kazakh President Kassym-Jomart Tokayev. Pavel Bednyakov/TASS"
    assert cleaned.body.startswith("WASHINGTON, November 7. /TASS/. Kazakhstan will join the Abraham Accords")
    assert "EN | RU" in cleaned.removed_lines
    # "Read also" and the headline it links to are both gone.
    assert "Read also" not in cleaned.body
    assert "more Central Asian nations may join" not in cleaned.body
    assert "Tags:" not in cleaned.body
    assert headings(cleaned) == ["What comes next"]
    assert cleaned.author is None and cleaned.posted_text is None


def test_known_title_removes_headline_even_with_other_quotes_and_case():
    raw = "“FIRST OF MANY” – Trump names country\n\nKazakhstan has joined the accords, Trump said."
    cleaned = clean_body(raw, title="'First of many' - Trump names country")
    assert cleaned.title == "'First of many' - Trump names country"
    assert cleaned.body == "Kazakhstan has joined the accords, Trump said."


def test_known_title_not_in_text_removes_nothing_else():
    raw = "Kazakhstan has joined the accords, Trump said.\n\nMore countries will follow, he added."
    cleaned = clean_body(raw, title="Some other headline")
    assert cleaned.body == raw
    assert cleaned.removed_lines == []


def test_text_without_headline_keeps_first_paragraph():
    raw = "WASHINGTON (AP) — Bahrain will normalize relations with Israel, Trump said on Friday.\n\nIt follows the UAE."
    cleaned = clean_body(raw)
    assert cleaned.title is None
    assert cleaned.body == raw


def test_headline_with_glued_caption_and_no_separate_headline():
    raw = (
        "Morocco and Israel agree to normalize ties Photo: King Mohammed VI (Reuters)\n"
        "Morocco agreed on Thursday to normalize relations with Israel, the White House said."
    )
    cleaned = clean_body(raw)
    assert cleaned.title == "Morocco and Israel agree to normalize ties"
    assert cleaned.photo_caption == "King Mohammed VI (Reuters)"
    assert cleaned.body == "Morocco agreed on Thursday to normalize relations with Israel, the White House said."


@pytest.mark.parametrize(
    "noise",
    [
        "ua en ru",
        "EN | RU",
        "UA / EN",
        "English | Русский | Українська",
        "Author: Oleh Velhan",
        "By Jane Roe",
        "By Jane Roe, Reuters",
        "Posted: Oct 23, 2020 12:40 PM",
        "Published: 07.11.2025, 07:08",
        "Updated: November 7, 2025 10:15 GMT",
        "November 7, 2025",
        "Source: AP Photo/Alex Brandon",
        "PHOTO: Kazakh President Kassym-Jomart Tokayev (TASS)",
        "Photo by Jane Roe/Getty Images",
        "Leaders at the signing ceremony on the South Lawn. REUTERS/Tom Brenner",
        "Also Read: Bahrain joins UAE in normalizing ties with Israel",
        "READ MORE: Saudi Arabia rules out joining",
        "Read also",
        "See also: Who has joined the Abraham Accords?",
        "Related: Sudan deal explained",
        "Latest News",
        "Most Read",
        "Advertisement",
        "Share this article",
        "Facebook Twitter Telegram",
        "Follow us on Telegram",
        "@rbcukraine #AbrahamAccords",
        "Tags: Israel, Kazakhstan",
        "Copyright 2025 Example News. All rights reserved.",
        "Subscribe to our newsletter for daily updates",
        "Reporting by Jane Roe; Editing by John Doe",
    ],
)
def test_noise_lines_are_removed(noise):
    raw = f"Body sentence one is here and it is long enough.\n\n{noise}\n\nBody sentence two follows it here."
    cleaned = clean_body(raw, title="Known title")
    assert cleaned.body == "Body sentence one is here and it is long enough.\n\nBody sentence two follows it here."
    assert cleaned.removed_lines == [noise]


@pytest.mark.parametrize(
    "text",
    [
        "By contrast, Saudi Arabia said it would not join the accords.",
        "By Friday, Bahrain had agreed to sign.",
        "Related talks with Oman are continuing, officials said.",
        "More countries will follow, the president said.",
        "Share prices in Tel Aviv rose after the announcement.",
        "Source close to the talks said no date was set.",
        "Posted on Truth Social, the message named Kazakhstan.",
        "Watch the ceremony live on the White House website, officials said.",
        "In 2020 the UAE became the first to sign.",
        "He said @realDonaldTrump posted the news first.",
        "Photos of the ceremony show leaders on the South Lawn.",
        "The deal was announced in Washington on Thursday.",
    ],
)
def test_article_sentences_are_kept(text):
    raw = f"Known title\n\nFirst paragraph of the article text.\n\n{text}"
    cleaned = clean_body(raw, title="Known title")
    assert cleaned.body == f"First paragraph of the article text.\n\n{text}"


def test_hard_wrapped_paragraph_is_joined():
    raw = (
        "Kazakhstan joins the accords\n\n"
        "Kazakhstan has joined the Abraham Accords, the US president said on\n"
        "Thursday, calling it the first of many. The Kazakh government said the\n"
        "accession was in its final stage.\n\n"
        "Talks continue."
    )
    cleaned = clean_body(raw)
    assert cleaned.body.split("\n\n") == [
        "Kazakhstan has joined the Abraham Accords, the US president said on Thursday, calling it the first of "
        "many. The Kazakh government said the accession was in its final stage.",
        "Talks continue.",
    ]


def test_list_items_of_wrapped_length_stay_one_per_paragraph():
    raw = (
        "Who is in the Abraham Accords\n\n"
        "The accords normalized relations between Israel and four Arab states.\n\n"
        "- United Arab Emirates (announced August 13, 2020; signed September 15, 2020)\n"
        "- Bahrain (announced September 11, 2020; signed September 15, 2020)\n"
        "- Kazakhstan (announced November 6, 2025; signing ceremony pending)\n\n"
        "More may follow."
    )
    paragraphs = clean_body(raw).body.split("\n\n")
    assert paragraphs[1:4] == ["- United Arab Emirates (announced August 13, 2020; signed September 15, 2020)",
                               "- Bahrain (announced September 11, 2020; signed September 15, 2020)",
                               "- Kazakhstan (announced November 6, 2025; signing ceremony pending)"]


def test_one_paragraph_per_line_without_blank_lines():
    raw = "A headline about the accords\nFirst paragraph here.\nSecond paragraph here.\nA heading\nText after the heading goes on."
    cleaned = clean_body(raw)
    assert cleaned.title == "A headline about the accords"
    assert cleaned.body.split("\n\n") == [
        "First paragraph here.",
        "Second paragraph here.",
        "A heading",
        "Text after the heading goes on.",
    ]
    assert headings(cleaned) == ["A heading"]


def test_heading_rules():
    raw = (
        "Headline of the story here\n\n"
        "Opening paragraph of the article goes here.\n\n"
        "Why it matters\n\n"
        "Saudi Arabia has repeatedly said it will not recognize Israel without a Palestinian state.\n\n"
        "WASHINGTON —\n\n"
        "The talks, officials said, are continuing.\n\n"
        "Last short line"
    )
    cleaned = clean_body(raw)
    # a dash-ended dateline and a final line with nothing after it are not headings
    assert headings(cleaned) == ["Why it matters"]
    for start, end in cleaned.heading_spans:
        assert cleaned.body[start - 2 : start] == "\n\n" and cleaned.body[end : end + 2] == "\n\n"


def test_curly_apostrophes_inside_words_are_straightened_and_quotes_kept():
    cleaned = clean_body("Kazakhstan’s accession is “final,” it said.\n\nThe country’s statement followed.", title="x")
    assert cleaned.body == "Kazakhstan's accession is “final,” it said.\n\nThe country's statement followed."


def test_read_also_link_before_the_text_is_not_taken_for_the_headline():
    raw = (
        "ua en ru\n\nЧитайте також\nЗеленський прокоментував угоду\n\n"
        "Казахстан приєднався до Угод Авраама, заявив Трамп. Церемонія відбудеться пізніше."
    )
    cleaned = clean_body(raw)
    assert cleaned.title is None
    assert cleaned.body == "Казахстан приєднався до Угод Авраама, заявив Трамп. Церемонія відбудеться пізніше."
    assert cleaned.removed_lines == ["ua en ru", "Читайте також", "Зеленський прокоментував угоду"]
