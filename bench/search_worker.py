"""Time the site's search worker modules under Node on the built indexes: index set-up per language, and the
queries of the relevance sets (tests/site/search_queries*.tsv, keywords; tests/site/search_questions.tsv,
natural questions).

    .venv/bin/mkdocs build --strict && .venv/bin/python bench/search_worker.py [--site site] [--repeat 20]

`--modules DIR` times another copy of the worker's modules (an older commit's, to compare: `git archive`
its overrides/assets/javascripts/search/ into DIR) on the same indexes and queries.

Prints the index size (bytes, gzip), the set-up time (what the worker does between Material's SETUP and READY
messages) and per query the mean and the slowest, in milliseconds. No assertions: the numbers are for people.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEARCH = ROOT / "overrides" / "assets" / "javascripts" / "search"
SETS = tuple(
    ROOT / "tests" / "site" / name
    for name in ("search_queries.tsv", "search_queries_heldout.tsv", "search_questions.tsv")
)
ROOTS = {"en": "", "fr": "fr", "zh-TW": "zh-TW"}

TIMER = """
const { SearchIndex } = await import(process.argv[1] + "/engine.js");
const { indexes, queries, repeat } = JSON.parse(process.argv[2]);
const { readFileSync } = await import("node:fs");
const out = {};
for (const [language, path] of Object.entries(indexes)) {
  const index = JSON.parse(readFileSync(path, "utf8"));
  let setup = Infinity, search;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    search = new SearchIndex(index.config, index.docs);
    setup = Math.min(setup, performance.now() - start);
  }
  const times = [];
  for (const query of queries[language]) {
    let best = Infinity;
    for (let i = 0; i < repeat; i++) {
      const start = performance.now();
      search.search(query);
      best = Math.min(best, performance.now() - start);
    }
    times.push(best);
  }
  out[language] = { setup, mean: times.reduce((a, b) => a + b, 0) / times.length, max: Math.max(...times),
    count: times.length };
}
console.log(JSON.stringify(out));
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--modules", type=Path, default=SEARCH, help="the worker's modules to time")
    args = parser.parse_args()
    node = shutil.which("node")
    if node is None:
        raise SystemExit("node is not on PATH")
    queries: dict[str, list[str]] = {language: [] for language in ROOTS}
    for path in SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                language, query = line.split("\t")[:2]
                queries[language].append(query)
    indexes = {language: str(args.site / root / "search" / "search_index.json") for language, root in ROOTS.items()}
    payload = json.dumps({"indexes": indexes, "queries": queries, "repeat": args.repeat})
    command = [node, "--no-warnings", "--input-type=module", "-e", TIMER, args.modules.resolve().as_uri(), payload]
    figures = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    print(f"{'language':8} {'index':>9} {'gzip':>8} {'set-up ms':>10} {'query ms':>9} {'slowest':>8} queries")
    for language, f in figures.items():
        raw = Path(indexes[language]).read_bytes()
        print(
            f"{language:8} {len(raw):9,} {len(gzip.compress(raw)):8,} {f['setup']:10.1f} {f['mean']:9.2f}"
            f" {f['max']:8.2f} {f['count']}"
        )


if __name__ == "__main__":
    main()
