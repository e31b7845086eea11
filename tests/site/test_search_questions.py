"""Search that answers questions (issue 24), under Node on the built indexes (the fast path; the browser test
test_search_relevance.py types the keyword sets into the real box):

- the natural-question set (search_questions.tsv), tuning part at the issue's bar: the right page first in
  >= 95 % of questions per language, the right section first under it in >= 85 %, the right page in the top 3
  always; the held-out part (never tuned on) no worse than before the tuning, its figures printed; the same
  for the second held-out set (search_questions_heldout2.tsv, all held out), whose top 3 may miss once;
- the keyword sets no worse than before;
- every link of the first results names in `?h=` the words it matched (stems, synonyms), never nothing;
- on made-up indexes: synonym expansion, question words that never weigh, a heading that holds the question,
  reference pages for terms only, and the page's own forms in `?h=`.

`python -m tests.site.relevance --site <dir>` prints the same figures for people.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers.docs import heading_ids, source
from tests.site.relevance import (
    KEYWORD_SETS,
    LANGUAGES,
    QUESTIONS_HELD_OUT,
    Figures,
    Outcome,
    figures,
    read_keywords,
    read_questions,
)
from tests.site.test_search_engine import made_up, run

pytestmark = pytest.mark.node

# The bar of issue 24, for the questions the ranking was tuned on.
TOP1 = 0.95
SECTION_FIRST = 0.85
# Before the tuning (commit "a natural-question relevance set", measured under Node): top-1 per held-out part,
# and per keyword set. The figures may rise, never fall.
HELD_OUT_TOP1 = {"en": 7, "fr": 6, "zh-TW": 6}
# The second question set (search_questions_heldout2.tsv, all held out), measured before the retuning on issue
# 21's docs: top-1 per language, and the right page in the top 3 for all but one question.
HELD_OUT_2_TOP1 = {"en": 17, "fr": 15, "zh-TW": 16}
HELD_OUT_2_TOP3_MISSES = 1
KEYWORDS_TOP1 = {
    "keywords tuning": {"en": 25, "fr": 24, "zh-TW": 24},
    "keywords held-out": {"en": 10, "fr": 11, "zh-TW": 10},
}


@pytest.fixture(scope="module")
def table(built_site: Path) -> dict[tuple[str, str], Figures]:
    return {(entry.name, entry.language): entry for entry in figures(built_site)}


def test_question_set_is_well_formed_and_names_sections_that_exist() -> None:
    questions = read_questions()
    for language in LANGUAGES:
        mine = [q for q in questions if q.language == language]
        assert len(mine) >= 20 and len([q for q in mine if q.held_out]) == len(mine) // 3, language
        assert len({q.text for q in mine}) == len(mine), language
    keywords = {(q.language, q.text) for path in KEYWORD_SETS.values() for q in read_keywords(path)}
    assert not keywords & {(q.language, q.text) for q in questions}
    for q in questions:
        page = q.page.removeprefix(LANGUAGES[q.language]).strip("/") or "index"
        path = source(page, q.language)
        anchors = {anchor for _, anchor, _ in heading_ids(path)}
        assert set(q.sections) <= anchors, (q, sorted(anchors))


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_tuned_questions_find_the_page_and_the_section_first(
    table: dict[tuple[str, str], Figures], language: str
) -> None:
    entry = table[("questions tuning", language)]
    print(entry.line(), *entry.misses(), sep="\n  ")
    n, sections = len(entry.outcomes), len(entry.with_section)
    assert entry.top1 >= TOP1 * n and entry.top3 == n, "\n  ".join([entry.line(), *entry.misses()])
    assert entry.sections >= SECTION_FIRST * sections, "\n  ".join([entry.line(), *entry.misses()])


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_held_out_questions_do_no_worse_than_before_the_tuning(
    table: dict[tuple[str, str], Figures], language: str
) -> None:
    """Only the figures are shown, not the misses: whoever reads them must not tune on them."""
    entry = table[("questions held-out", language)]
    print(entry.line())
    assert entry.top1 >= HELD_OUT_TOP1[language], entry.line()


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_second_held_out_set_does_no_worse_than_before_the_tuning(
    table: dict[tuple[str, str], Figures], language: str
) -> None:
    """Figures only, never the misses (see above)."""
    entry = table[("questions held-out 2", language)]
    print(entry.line())
    assert len(entry.outcomes) >= 15, entry.line()
    assert entry.top1 >= HELD_OUT_2_TOP1[language], entry.line()
    assert entry.top3 >= len(entry.outcomes) - HELD_OUT_2_TOP3_MISSES, entry.line()


def test_second_held_out_set_is_well_formed() -> None:
    questions = read_questions(QUESTIONS_HELD_OUT, all_held_out=True)
    tuning = {(q.language, q.text) for q in read_questions()}
    for language in LANGUAGES:
        mine = [q for q in questions if q.language == language]
        assert len(mine) >= 15 and all(q.held_out for q in mine), language
        assert len({q.text for q in mine}) == len(mine) and not tuning & {(language, q.text) for q in mine}
    for q in questions:
        page = q.page.removeprefix(LANGUAGES[q.language]).strip("/") or "index"
        anchors = {anchor for _, anchor, _ in heading_ids(source(page, q.language))}
        assert set(q.sections) <= anchors, (q, sorted(anchors))


@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("set_name", list(KEYWORD_SETS))
def test_keyword_sets_do_no_worse(table: dict[tuple[str, str], Figures], set_name: str, language: str) -> None:
    entry = table[(set_name, language)]
    print(entry.line())
    assert entry.top1 >= KEYWORDS_TOP1[set_name][language], "\n  ".join([entry.line(), *entry.misses()])
    assert entry.top3 == len(entry.outcomes), "\n  ".join([entry.line(), *entry.misses()])


def test_every_link_of_the_first_result_highlights_what_it_matched(table: dict[tuple[str, str], Figures]) -> None:
    """Issue 24: "下載產品金鑰" opened a section with an empty `?h=`, which lights up nothing."""
    outcomes: list[Outcome] = [o for entry in table.values() for o in entry.outcomes]
    empty = [(o.query.text, o.highlights) for o in outcomes if not all(o.highlights)]
    assert not empty, empty
    assert sum(len(o.highlights) for o in outcomes) > 2 * len(outcomes)  # sections were checked, not just pages


def search(index: dict[str, Any], *queries: str) -> list[list[list[dict[str, Any]]]]:
    return run([{"index": index, "op": "search", "arg": query} for query in queries])


def query(index: dict[str, Any], *texts: str) -> list[list[dict[str, Any]]]:
    return run([{"index": index, "op": "query", "arg": text} for text in texts])


def test_synonyms_expand_everyday_verbs_and_readers_words_both_ways() -> None:
    docs = [
        {"location": "a/", "title": "Accounts", "text": "Connect your Partner University account."},
        {"location": "b/", "title": "Benefits", "text": "Activate your cloud services."},
        {"location": "c/", "title": "Other", "text": "Partner news."},
    ]
    index = made_up("en", docs, synonyms=(("connect", "link"), ("cloud services", "credits", "Azure credits")))
    link, credits, back = search(index, "link my Partner University account", "Azure credits", "cloud services")
    assert link[0][0]["location"] == "a/" and link[0][0]["terms"]["connect"] is True, link
    assert credits[0][0]["location"] == "b/", credits
    assert [group[0]["location"] for group in back] == ["b/"], back
    (without,) = search(made_up("en", docs), "link my Partner University account")
    assert without[0][0]["terms"].get("link") is False  # the synonym, not chance, made it


def test_question_words_never_weigh_in_any_language() -> None:
    en, fr, zh = (
        query(made_up("en", [], question_words=("still",)), "does my old ID still work")[0],
        query(made_up("fr", [], question_words=("estce", "comment")), "qu’est-ce que comment le Action Pack")[0],
        query(made_up("zh-TW", [], question_words=("還能", "為什麼")), "為什麼還能使用嗎")[0],
    )
    assert [c["surface"] for c in en] == ["old", "ID", "work"], en
    assert [c["surface"] for c in fr] == ["Action", "Pack"], fr
    assert [c["surface"] for c in zh] == ["使用"], zh
    # A page that says only "how" and "still" is no answer.
    docs = [{"location": "a/", "title": "How", "text": "How can it still be? How, how, how."}]
    (items,) = search(made_up("en", docs, question_words=("still",)), "how can it still work")
    assert items == [], items


def test_a_section_whose_heading_holds_the_question_comes_first() -> None:
    docs = [
        {"location": "p/", "title": "Benefits", "text": "Manage them."},
        {"location": "p/#dash", "title": "Dashboard", "text": "Assign Visual Studio subscriptions and software."},
        {"location": "p/#vs", "title": "Manage Visual Studio subscriptions", "text": "Select Assign user."},
    ]
    (items,) = search(made_up("en", docs), "how do I assign a Visual Studio subscription")
    assert [item["location"] for item in items[0]][:2] == ["p/", "p/#vs"], items


def test_reference_pages_answer_terms_not_questions() -> None:
    docs = [
        {"location": "", "title": "Home", "text": "Key numbers: how long a temporary password stays valid."},
        {"location": "guide/", "title": "Guide", "text": "A temporary password can be used for 90 days."},
        {"location": "glossary/", "title": "Glossary", "text": "Temporary password: the first password."},
    ]
    synonyms = (("days", "how long"),)
    index = made_up("en", docs, reference=("", "glossary/"), synonyms=synonyms)
    asked = "how long is a temporary password valid"
    question, term = search(index, asked, "temporary password")
    assert question[0][0]["location"] == "guide/", question
    assert term[0][0]["location"] == "guide/" and len(term) == 3, term  # guides first for a term, as before
    (plain,) = search(made_up("en", docs, synonyms=synonyms), asked)
    assert plain[0][0]["location"] == "", plain  # the home page has one more word: the rule made the difference
    only_home = [{"location": "", "title": "Home", "text": "Key numbers."}, docs[1]]
    (numbers,) = search(made_up("en", only_home, reference=("",)), "where are the key numbers")
    assert numbers[0][0]["location"] == "", numbers  # a question the home page alone answers


def test_highlight_terms_name_the_pages_own_forms_and_are_never_empty() -> None:
    docs = [
        {"location": "a/", "title": "Exams", "text": "Once connected, start associating your exams."},
        {"location": "a/#k", "title": "Keys", "text": "Copy the product license keys."},
        {"location": "b/", "title": "授權", "text": "複製產品授權金鑰。"},
    ]
    en = made_up("en", docs[:2], synonyms=(("connect", "link"), ("license keys", "product keys")))
    zh = made_up("zh-TW", docs[2:], synonyms=(("產品金鑰", "金鑰"),), dictionary=("授權金鑰", "產品", "金鑰"))
    (connect,) = search(en, "connect exams")
    highlight = [word for word, found in connect[0][0]["terms"].items() if found]
    assert "connected" not in highlight or "connect" not in highlight  # a prefix already lights it
    assert {"connect", "exams"} <= set(highlight), highlight
    (keys,) = search(en, "product keys")
    for item in keys[0]:
        assert any(item["terms"].values()), item  # the page's link and the section's
    (zh_keys,) = search(zh, "下載產品金鑰")
    words = [word for word, found in zh_keys[0][0]["terms"].items() if found]
    assert words and all(part in docs[2]["text"] for word in words for part in word.split()), words
    linked, associate = search(en, "link exams", "associate")
    assert "connect" in [w for w, found in linked[0][0]["terms"].items() if found], linked  # the synonym
    assert associate[0][0]["terms"] == {"associate": True, "associating": True}, associate  # the page's form


def test_a_heading_of_words_every_page_holds_does_not_outweigh_the_readers_other_words() -> None:
    """ "can I still use PMC after renewing in Partner Center": a heading "Renew … in Partner Center" holds three
    of the words, but "Partner" and "Center" are in every heading; the section holding every word wins."""
    docs = [
        {"location": "m/", "title": "Membership", "text": "Partner Center, after the move."},
        {"location": "m/#renew", "title": "Renew in Partner Center", "text": "Use Partner Center, not PMC."},
        {"location": "t/", "title": "Partner Center move", "text": "Partner Center."},
        {"location": "t/#dates", "title": "Dates", "text": "After renewing in Partner Center you could still use PMC."},
        {"location": "o/", "title": "Partner Center other", "text": "Partner Center."},
        {"location": "o/#x", "title": "In Partner Center", "text": "Partner Center."},
    ]
    index = made_up("en", docs, question_words=("still",))
    (items,) = search(index, "can I still use PMC after renewing in Partner Center")
    assert items[0][0]["location"] == "t/" and items[0][1]["location"] == "t/#dates", items
    # A rare word in the heading still counts: the FAQ question that is the reader's comes first under its page.
    (faq,) = search(made_up("en", docs), "renew PMC")
    assert faq[0][1]["location"] == "m/#renew", faq


def test_a_term_asked_comes_first_where_a_definition_list_defines_it() -> None:
    """ "qu’est-ce que le Microsoft Action Pack": the section whose definition list names it (`defines`, from the
    page's `<dt>`) before a short one that mentions it; for a query that is no term, definitions weigh nothing."""
    options = "Network membership The core level. Action Pack subscription A yearly subscription for partners."
    docs = [
        {"location": "m/", "title": "Membership", "text": "Options and steps."},
        {"location": "m/#options", "title": "Options", "text": options, "defines": [[0, 18], [35, 59]]},
        {"location": "m/#next", "title": "Next steps", "text": "Buy offers such as Action Pack."},
        {"location": "glossary/", "title": "Glossary", "text": "Action Pack"},
    ]
    index = made_up("en", docs, question_words=("what",))
    (asked,) = search(index, "what is the Action Pack")
    assert [item["location"] for item in asked[0][:2]] == ["m/", "m/#options"], asked
    (plain,) = search(made_up("en", [{**doc, "defines": []} for doc in docs]), "what is the Action Pack")
    assert plain[0][1]["location"] == "m/#next", plain  # without the definition, the short section: the rule did it
    (other,) = search(index, "yearly subscription membership")
    assert [item["location"] for item in other[0][:2]] == ["m/", "m/#options"], other  # the text, not the list


def test_a_language_with_no_rules_of_its_own_gets_the_plain_analyzer() -> None:
    """Issue 26: a language added to mkdocs.yml with no l10n/search/<language>.yml and no segmenter: lower case,
    accents folded, split on non-letters; no English stop words or stemmer ("was" and "die" are German words)."""
    index = made_up("de", [], question_words=("wie",))
    (terms,) = run([{"index": index, "op": "terms", "arg": "Wie ändere ich die Größe? Was: Passwort-Zurücksetzung"}])
    assert terms == ["andere", "ich", "die", "große", "was", "passwort", "zurucksetzung", "passwortzurucksetzung"]
    docs = [
        {"location": "a/", "title": "Passwörter", "text": "Ein temporäres Passwort läuft nach 90 Tagen ab."},
        {"location": "b/", "title": "Konten", "text": "Konten der Mitarbeiter."},
    ]
    (found,) = search(made_up("de", docs), "temporares passwort 90 tagen")
    assert [group[0]["location"] for group in found] == ["a/"], found
    highlight = [word for word, hit in found[0][0]["terms"].items() if hit]
    assert "temporäres" in highlight or "temporares" in highlight, highlight
