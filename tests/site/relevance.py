"""The relevance sets of tests/site/ measured the fast way: the search worker's modules run under Node on the
built per-language indexes, the results read as Material renders them (the first result is a page; its first
section is the first link under it; a link's `?h=` is the words marked found in its `terms`, space-separated).

Two kinds of sets:

- keyword sets (search_queries.tsv tuning, search_queries_heldout.tsv held out): language, query, page;
- the natural-question set (search_questions.tsv): language, question, page, section anchor(s); every third
  question of a language is held out (`held_out`), the rule written in the file, never tuned on;
- a second question set (search_questions_heldout2.tsv), same columns, all held out.

    .venv/bin/python -m tests.site.relevance --site /tmp/site     # the figures, per set, part and language

The browser test (test_search_relevance.py) types the keyword sets into the real box; the Node tests
(test_search_questions.py) gate the figures of both kinds in `make test`.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
SEARCH = ROOT / "overrides" / "assets" / "javascripts" / "search"
KEYWORD_SETS = {
    "keywords tuning": HERE / "search_queries.tsv",
    "keywords held-out": HERE / "search_queries_heldout.tsv",
}
QUESTIONS = HERE / "search_questions.tsv"
# A second question set, all of it held out: never tuned on, its misses never listed.
QUESTIONS_HELD_OUT = HERE / "search_questions_heldout2.tsv"
LANGUAGES = {"en": "/", "fr": "/fr/", "zh-TW": "/zh-TW/"}
ROOTS = {"en": "", "fr": "fr", "zh-TW": "zh-TW"}

RANKER = """
const { SearchIndex } = await import(process.argv[1] + "/engine.js");
const { readFileSync } = await import("node:fs");
const { indexes, queries } = JSON.parse(readFileSync(0, "utf8"));
const out = {};
for (const [language, path] of Object.entries(indexes)) {
  const index = JSON.parse(readFileSync(path, "utf8"));
  const search = new SearchIndex(index.config, index.docs);
  out[language] = queries[language].map((query) => search.search(query).items.map((group) =>
    group.map((item) => ({ location: item.location, terms: item.terms }))));
}
console.log(JSON.stringify(out));
"""


@dataclass(frozen=True)
class Query:
    language: str
    text: str
    page: str
    sections: tuple[str, ...] = ()  # anchors that answer it; empty: the page is the answer
    held_out: bool = False


@dataclass(frozen=True)
class Outcome:
    query: Query
    pages: list[str]  # result pages in order, as site paths
    section: str  # the anchor of the first section under the first result ("" when it has none)
    highlights: list[str]  # per link of the first result, its `?h=` value

    @property
    def rank(self) -> int | None:
        return self.pages.index(self.query.page) if self.query.page in self.pages else None

    @property
    def section_first(self) -> bool:
        return self.rank == 0 and self.section in self.query.sections


def _rows(path: Path) -> list[list[str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t"))


def read_keywords(path: Path) -> list[Query]:
    """A keyword set; a malformed row fails loudly rather than shrinking the set."""
    queries = []
    for number, row in enumerate(_rows(path), 1):
        assert len(row) == 3 and row[0] in LANGUAGES and row[2].startswith(LANGUAGES[row[0]]), (path, number, row)
        queries.append(Query(row[0], row[1], row[2]))
    return queries


def read_questions(path: Path = QUESTIONS, all_held_out: bool = False) -> list[Query]:
    """A question set, each marked held out or not by the file's fixed rule: every third of its language (or
    every one, for a set that is all held out)."""
    queries = []
    count = dict.fromkeys(LANGUAGES, 0)
    for number, row in enumerate(_rows(path), 1):
        assert len(row) == 4 and row[0] in LANGUAGES and row[2].startswith(LANGUAGES[row[0]]), (path, number, row)
        count[row[0]] += 1
        sections = tuple(anchor for anchor in row[3].split("|") if anchor)
        held_out = all_held_out or count[row[0]] % 3 == 0
        queries.append(Query(row[0], row[1], row[2], sections, held_out=held_out))
    return queries


def _path(language: str, location: str) -> tuple[str, str]:
    page, _, anchor = location.partition("#")
    return LANGUAGES[language] + page, anchor


def _highlight(terms: dict[str, bool]) -> str:
    """Material's `?h=`: the words found, in order, space-separated."""
    return " ".join(word for word, found in terms.items() if found)


def rank(site: Path, queries: list[Query]) -> list[Outcome]:
    """Every query searched in its language's built index, in one Node process."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("`node` is not on PATH: install Node.js (>= 18), as `make test` expects")
    texts = {language: [q.text for q in queries if q.language == language] for language in LANGUAGES}
    indexes = {language: str(site / root / "search" / "search_index.json") for language, root in ROOTS.items()}
    command = [node, "--no-warnings", "--input-type=module", "-e", RANKER, SEARCH.as_uri()]
    payload = json.dumps({"indexes": indexes, "queries": texts})
    done = subprocess.run(command, input=payload, capture_output=True, text=True, timeout=300, check=True)
    results = {language: iter(items) for language, items in json.loads(done.stdout).items()}
    outcomes = []
    for query in queries:
        groups = next(results[query.language])
        pages = [_path(query.language, group[0]["location"])[0] for group in groups]
        first = groups[0] if groups else []
        section = _path(query.language, first[1]["location"])[1] if len(first) > 1 else ""
        outcomes.append(Outcome(query, pages, section, [_highlight(item["terms"]) for item in first]))
    return outcomes


@dataclass(frozen=True)
class Figures:
    name: str
    language: str
    outcomes: list[Outcome]

    @property
    def top1(self) -> int:
        return sum(o.rank == 0 for o in self.outcomes)

    @property
    def top3(self) -> int:
        return sum(o.rank is not None and o.rank < 3 for o in self.outcomes)

    @property
    def with_section(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.query.sections]

    @property
    def sections(self) -> int:
        return sum(o.section_first for o in self.with_section)

    def line(self) -> str:
        n = len(self.outcomes)
        text = f"{self.name:20} {self.language:6} top-1 {self.top1:2}/{n:2} ({self.top1 / n:4.0%})"
        text += f"  top-3 {self.top3:2}/{n:2}"
        if self.with_section:
            s = len(self.with_section)
            text += f"  section-first {self.sections:2}/{s:2} ({self.sections / s:4.0%})"
        return text

    def misses(self) -> list[str]:
        out = []
        for o in self.outcomes:
            if o.rank != 0 or (o.query.sections and not o.section_first):
                want = f"{o.query.page}#{'|'.join(o.query.sections)}"
                out.append(f"{o.query.text!r}: want {want}, got {o.pages[:3]} #{o.section}")
        return out


def figures(site: Path) -> list[Figures]:
    """Figures per set, part and language."""
    parts = {name: read_keywords(path) for name, path in KEYWORD_SETS.items()}
    questions = read_questions()
    parts["questions tuning"] = [q for q in questions if not q.held_out]
    parts["questions held-out"] = [q for q in questions if q.held_out]
    parts["questions held-out 2"] = read_questions(QUESTIONS_HELD_OUT, all_held_out=True)
    outcomes = rank(site, [q for queries in parts.values() for q in queries])
    by_query = iter(outcomes)
    table = []
    for name, queries in parts.items():
        mine = [next(by_query) for _ in queries]
        for language in LANGUAGES:
            table.append(Figures(name, language, [o for o in mine if o.query.language == language]))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--misses", action="store_true", help="list the queries that missed (tuning parts only)")
    args = parser.parse_args()
    for entry in figures(args.site):
        print(entry.line())
        if args.misses and "held-out" not in entry.name:
            print(*(f"    {miss}" for miss in entry.misses()), sep="\n") if entry.misses() else None


if __name__ == "__main__":
    main()
