"""The search worker's modules (overrides/assets/javascripts/search/) run under Node, on the built indexes and on
small made-up ones: analysis, query parsing, ranking rules and the HTML they hand to Material.

Node runs the same ES modules the browser loads; this file sends it calls as JSON and checks the answers.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tools.site_server import ROOT

pytestmark = pytest.mark.node

SEARCH = ROOT / "overrides" / "assets" / "javascripts" / "search"
HARNESS = """
const { SearchIndex } = await import(process.argv[1] + "/engine.js");
const { parseQuery } = await import(process.argv[1] + "/query.js");
const calls = JSON.parse(await new Promise((ok) => { let s = ""; process.stdin.on("data", (d) => s += d);
  process.stdin.on("end", () => ok(s)); }));
const out = calls.map(({ index, op, arg }) => {
  const search = new SearchIndex(index.config, index.docs);
  if (op === "terms") return search.analyzer.tokens(arg).filter((t) => !t.stop).map((t) => t.term);
  if (op === "query") return parseQuery(arg, search.analyzer, search.synonyms);
  if (op === "search") return search.search(arg).items;
});
console.log(JSON.stringify(out));
"""


def run(calls: list[dict[str, Any]]) -> list[Any]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("`node` is not on PATH: install Node.js (>= 18), as `make test` expects", pytrace=False)
    command = [node, "--no-warnings", "--input-type=module", "-e", HARNESS, SEARCH.as_uri()]
    done = subprocess.run(command, input=json.dumps(calls), capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def indexes(built_site: Path) -> dict[str, dict[str, Any]]:
    return {
        language: json.loads((built_site / root / "search" / "search_index.json").read_text(encoding="utf-8"))
        for language, root in (("en", ""), ("fr", "fr"), ("zh-TW", "zh-TW"))
    }


def made_up(
    language: str,
    docs: list[dict[str, str]],
    reference: tuple[str, ...] = (),
    synonyms: tuple[tuple[str, ...], ...] = (),
    dictionary: tuple[str, ...] = (),
    question_words: tuple[str, ...] = (),
) -> dict[str, Any]:
    settings = {
        "language": language,
        "reference": list(reference),
        "glossary": "glossary/",
        "synonyms": [list(group) for group in synonyms],
        "dictionary": list(dictionary),
        "questionWords": list(question_words),
    }
    return {"config": {"pct": settings}, "docs": docs}


def assert_words(terms: dict[str, bool], expected: dict[str, bool]) -> None:
    """A result's `terms` name the reader's words as expected; any other entry is a word of the page added for
    `?h=` (render.js, withPageForms), found by definition, so never shown as missing."""
    assert {word: terms[word] for word in expected if word in terms} == expected, terms
    assert all(found for word, found in terms.items() if word not in expected), terms


def terms_by_location(items: list[list[dict[str, Any]]]) -> dict[str, dict[str, bool]]:
    """Material's `terms` of every result item (pages and sections), by location."""
    return {item["location"]: item["terms"] for group in items for item in group}


def test_french_elision_accents_and_plurals_fold_to_one_term(indexes: dict[str, dict[str, Any]]) -> None:
    fr = indexes["fr"]
    pairs = [
        ("l’administrateur", "administrateur"),
        ("d'examens", "examen"),
        ("Réinitialisation", "reinitialiser"),
        ("mots de passe temporaires", "mot de passe temporaire"),
        ("associées", "associer"),
    ]
    answers = run([{"index": fr, "op": "terms", "arg": text} for pair in pairs for text in pair])
    for (left, right), a, b in zip(pairs, answers[::2], answers[1::2], strict=True):
        assert a == b, (left, right, a, b)
    # Light stemming only: a user is not a use.
    user, use = run([{"index": fr, "op": "terms", "arg": w} for w in ("utilisateur", "utiliser")])
    assert user != use


def test_stop_words_are_not_query_words(indexes: dict[str, dict[str, Any]]) -> None:
    fr, en = run(
        [
            {"index": indexes["fr"], "op": "query", "arg": "le mot de passe"},
            {"index": indexes["en"], "op": "query", "arg": "the benefits of the dashboard"},
        ]
    )
    assert [c["surface"] for c in fr] == ["mot", "passe"], fr
    assert [c["surface"] for c in en] == ["benefits", "dashboard"], en


def test_chinese_terms_of_the_termbase_stay_whole_and_synonyms_reach_them(indexes: dict[str, dict[str, Any]]) -> None:
    zh = indexes["zh-TW"]
    terms, temporary, email, english = run(
        [
            {"index": zh, "op": "terms", "arg": "連接您的合作夥伴大學帳戶"},
            {"index": zh, "op": "query", "arg": "臨時密碼"},
            {"index": zh, "op": "query", "arg": "電郵"},
            {"index": zh, "op": "query", "arg": "Partner University"},
        ]
    )
    assert "合作夥伴大學" in terms and "夥" not in terms, terms
    assert ["暫時密碼"] in temporary[0]["alternatives"], temporary
    assert ["電子郵件"] in email[0]["alternatives"], email
    assert ["合作夥伴大學"] in english[0]["alternatives"], english


def test_pages_with_every_word_rank_above_pages_repeating_one() -> None:
    docs = [
        {"location": "a/", "title": "Passwords", "text": "password password password password password reset"},
        {"location": "b/", "title": "Accounts", "text": "A temporary password works for 90 days."},
    ]
    (items,) = run([{"index": made_up("en", docs), "op": "search", "arg": "temporary password"}])
    assert [group[0]["location"] for group in items] == ["b/", "a/"], items
    assert_words(items[1][0]["terms"], {"temporary": False, "password": True})


def test_reference_pages_come_after_guides_with_the_same_words() -> None:
    docs = [
        {"location": "glossary/", "title": "Glossary", "text": "temporary password temporary password"},
        {"location": "guide/", "title": "Guide", "text": "Sign in with the temporary password."},
    ]
    index = made_up("en", docs, reference=("glossary/",))
    (items,) = run([{"index": index, "op": "search", "arg": "temporary password"}])
    assert [group[0]["location"] for group in items] == ["guide/", "glossary/"], items


def test_a_phrase_and_a_heading_outrank_scattered_words() -> None:
    docs = [
        {"location": "a/", "title": "Travel", "text": "An admin can call an agent of the travel kind."},
        {"location": "b/", "title": "Roles", "text": "Check that you are in the admin agent group."},
        {"location": "c/", "title": "Admin agent", "text": "The role that adds users."},
    ]
    (items,) = run([{"index": made_up("en", docs), "op": "search", "arg": "admin agent"}])
    assert [group[0]["location"] for group in items] == ["c/", "b/", "a/"], items


def test_result_text_is_escaped_and_only_marks_are_added() -> None:
    docs = [{"location": "x/", "title": "<b>Password</b>", "text": "Type <script>alert(1)</script> password & more"}]
    (items,) = run([{"index": made_up("en", docs), "op": "search", "arg": "password"}])
    article = items[0][0]
    assert article["title"] == "&lt;b&gt;<mark>Password</mark>&lt;/b&gt;", article
    assert "<script>" not in article["text"] and "&lt;script&gt;" in article["text"], article
    assert "<mark>password</mark> &amp; more" in article["text"], article


def test_email_and_e_mail_find_each_other_and_long_queries_are_cut() -> None:
    docs = [
        {"location": "a/", "title": "Joining", "text": "Enroll with a company e-mail address."},
        {"location": "b/", "title": "Export", "text": "Send the email to each employee."},
    ]
    index = made_up("en", docs)
    filler = " ".join(f"w{i}" for i in range(100))  # 389 characters
    email, e_mail, head, tail = run(
        [
            {"index": index, "op": "search", "arg": "email"},
            {"index": index, "op": "search", "arg": "e-mail"},
            {"index": index, "op": "search", "arg": f"enroll {filler}"},
            {"index": index, "op": "search", "arg": f"{filler} enroll"},
        ]
    )
    assert sorted(group[0]["location"] for group in email) == ["a/", "b/"], email
    assert sorted(group[0]["location"] for group in e_mail) == ["a/", "b/"], e_mail
    assert head[0][0]["location"] == "a/" and len(head[0][0]["terms"]) < 60, head  # cut at 200 characters
    assert tail == [], tail  # "enroll" came after the cut


def test_words_found_through_their_analysed_forms_are_not_called_missing() -> None:
    """Material lists the words marked false under a result ("Non trouvé : …"): a word the result holds through
    a stem, an elision or folded accents is found; the word it really lacks is still listed."""
    docs = [
        {"location": "a/", "title": "Renouveler l’adhésion", "text": "Renouvelez votre adhésion chaque année."},
        {"location": "b/", "title": "Options", "text": "Trois options d’adhésion."},
    ]
    (items,) = run([{"index": made_up("fr", docs), "op": "search", "arg": "adhesion renouvelée"}])
    terms = terms_by_location(items)
    assert_words(terms["a/"], {"adhesion": True, "renouvelée": True})
    assert_words(terms["b/"], {"adhesion": True, "renouvelée": False})


def test_a_synonym_phrase_found_in_part_names_only_the_words_it_lacks() -> None:
    """ "Partner University" typed in the French box is one synonym of "Université des partenaires"; a page with
    only "partner" lacked the whole phrase before ("Non trouvé : Partner University"), now only "University"."""
    docs = [
        {"location": "a/", "title": "Formation", "text": "Connectez votre compte Université des partenaires."},
        {"location": "b/", "title": "Centre", "text": "Le Partner Membership Center est fermé."},
        {"location": "c/", "title": "Compte", "text": "Votre compte reste actif."},
    ]
    index = made_up("fr", docs, synonyms=(("Université des partenaires", "Partner University"),))
    (items,) = run([{"index": index, "op": "search", "arg": "Partner University compte"}])
    terms = terms_by_location(items)
    assert_words(terms["a/"], {"Université partenaires": True, "compte": True})  # the page's own words, for ?h=
    assert_words(terms["b/"], {"Partner": True, "University compte": False})
    assert_words(terms["c/"], {"Partner University": False, "compte": True})


def test_missing_words_are_named_as_the_reader_typed_them() -> None:
    """Consecutive missing words come as one run with the stop words and hyphens the reader typed ("date de fin",
    "e-mail"), not as the analyser's pieces ("date fin", "mail")."""
    docs = [{"location": "a/", "title": "Adhésion", "text": "Votre adhésion au réseau."}]
    index = made_up("fr", docs)
    date, email = run(
        [
            {"index": index, "op": "search", "arg": "date de fin de l’adhésion"},
            {"index": index, "op": "search", "arg": "adresse e-mail de l’adhésion"},
        ]
    )
    assert_words(date[0][0]["terms"], {"date de fin": False, "adhésion": True})
    assert_words(email[0][0]["terms"], {"adresse e-mail": False, "adhésion": True})


def test_chinese_words_found_through_the_cut_and_synonyms() -> None:
    """臨時密碼 is the readers' word for the guide's 暫時密碼 (found, named as the page writes it); 密碼 inside
    暫時密碼 is found through the cut; 到期 is missing where the page lacks it."""
    docs = [
        {"location": "a/", "title": "員工", "text": "暫時密碼於 90 天後到期。"},
        {"location": "b/", "title": "重要數字", "text": "新使用者暫時密碼的有效期限。"},
    ]
    words = ("暫時密碼", "臨時密碼", "密碼", "到期")
    index = made_up("zh-TW", docs, synonyms=(("暫時密碼", "臨時密碼"),), dictionary=words)
    temporary, password = run(
        [
            {"index": index, "op": "search", "arg": "臨時密碼到期"},
            {"index": index, "op": "search", "arg": "密碼 到期"},
        ]
    )
    terms = terms_by_location(temporary)
    assert_words(terms["a/"], {"暫時密碼": True, "到期": True})
    assert_words(terms["b/"], {"暫時密碼": True, "到期": False})
    terms = terms_by_location(password)
    assert_words(terms["a/"], {"密碼": True, "到期": True})
    assert_words(terms["b/"], {"密碼": True, "到期": False})


def test_a_page_counts_the_words_of_all_its_sections() -> None:
    """The page's own item (Material's teaser when it stands alone) holds a word when any of its sections does."""
    docs = [
        {"location": "a/", "title": "Guide", "text": "Introduction."},
        {"location": "a/#renew", "title": "Renewal", "text": "Renewing your membership takes a minute."},
        {"location": "a/#cost", "title": "Cost", "text": "Membership is free."},
    ]
    (items,) = run([{"index": made_up("en", docs), "op": "search", "arg": "renewed membership spaceship"}])
    terms = terms_by_location(items)
    assert_words(terms["a/"], {"renewed": True, "membership": True, "spaceship": False})
    assert_words(terms["a/#cost"], {"renewed": False, "membership": True, "spaceship": False})
