"""Time the site's search worker modules under Node on the built indexes, beside a baseline measured in the same
run: index size, index set-up per language (what the worker does between Material's SETUP and READY messages),
and the queries of the relevance sets (tests/site/search_queries*.tsv, keywords; search_questions*.tsv,
natural questions).

    .venv/bin/mkdocs build --strict && .venv/bin/python bench/search_worker.py [--site site] [--repeat 20]

The baseline is the search as it was before the question-aware work of issue 24 (BASELINE, a commit): its
worker modules, and its index, rebuilt by that commit's hook from this build's documents (the documents are
the same, only the worker's settings differ), so the two are compared on today's pages. `--baseline REF`
compares with another commit. The machine's speed changes from minute to minute, so the two are timed in
alternation and the figures to read are the ratios (the budget of issue 24: both within 10 %).

No assertions: the numbers are for people (timing targets live in `make bench`, never in tests).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEARCH = "overrides/assets/javascripts/search"
HOOK = "hooks/search_index.py"
# The last commit before issue 24 (question words, synonyms as data, question-aware ranking): the budget's
# "today" when the issue was filed.
BASELINE = "c305698b7021125bdc091e9353068c6cb2268405"
SETS = tuple(
    ROOT / "tests" / "site" / name
    for name in (
        "search_queries.tsv",
        "search_queries_heldout.tsv",
        "search_questions.tsv",
        "search_questions_heldout2.tsv",
    )
)

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
  out[language] = { setup, times };
}
console.log(JSON.stringify(out));
"""


def roots(site: Path) -> dict[str, str]:
    """Each built language and its folder, from the indexes themselves (`config.pct.language`)."""
    found = {}
    for path in sorted(site.glob("**/search/search_index.json")):
        language = json.loads(path.read_text(encoding="utf-8"))["config"]["pct"]["language"]
        folder = path.parent.parent.relative_to(site)
        found[language] = "" if folder == Path() else folder.as_posix()
    return dict(sorted(found.items(), key=lambda item: (item[1] != "", item[0])))


def extract(ref: str, into: Path) -> None:
    """The worker modules and the index hook of a commit, as files under `into`."""
    archive = subprocess.run(["git", "archive", ref, SEARCH, HOOK], cwd=ROOT, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")


def baseline_indexes(site: Path, folders: dict[str, str], hook_path: Path, into: Path) -> dict[str, Path]:
    """This build's documents indexed by the baseline's hook: the merged index Material wrote (no longer on disk:
    the hook replaces it) is put back together from the per-language ones, whose text is already plain."""
    sys.path[:0] = [str(ROOT / "hooks"), str(ROOT)]
    spec = importlib.util.spec_from_file_location("baseline_search_index", hook_path)
    assert spec and spec.loader
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    from l10n.glossary import load_termbase, load_variants

    locales = list(folders)
    merged: dict[str, Any] = {"config": {}, "docs": []}
    for folder in folders.values():
        index = json.loads((site / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        merged["config"] = {key: value for key, value in index["config"].items() if key not in ("lang", "pct")}
        prefix = f"{folder}/" if folder else ""
        merged["docs"] += [{**doc, "location": prefix + doc["location"]} for doc in index["docs"]]
    terms, variants = load_termbase(), load_variants()
    out = {}
    for language in locales:
        index = hook.language_index(merged, language, locales, terms, variants.get(language, []))
        out[language] = into / f"{language}.json"
        out[language].write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return out


def time_modules(node: str, modules: Path, indexes: dict[str, Path], queries: dict[str, list[str]], repeat: int):
    payload = json.dumps({"indexes": {k: str(v) for k, v in indexes.items()}, "queries": queries, "repeat": repeat})
    command = [node, "--no-warnings", "--input-type=module", "-e", TIMER, modules.resolve().as_uri(), payload]
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def best_of(runs: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per language the fastest set-up and, per query, its fastest time over the runs; then their mean."""
    out = {}
    for language in runs[0]:
        times = [min(run[language]["times"][i] for run in runs) for i in range(len(runs[0][language]["times"]))]
        setup = min(run[language]["setup"] for run in runs)
        out[language] = {"setup": setup, "mean": sum(times) / len(times), "max": max(times), "count": len(times)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--repeat", type=int, default=20, help="timings per query in a run (the fastest counts)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each side, in alternation")
    parser.add_argument("--baseline", default=BASELINE, help="the commit to compare with")
    args = parser.parse_args()
    node = shutil.which("node")
    if node is None:
        raise SystemExit("node is not on PATH")
    folders = roots(args.site)
    queries: dict[str, list[str]] = {language: [] for language in folders}
    for path in SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                language, query = line.split("\t")[:2]
                queries.setdefault(language, []).append(query)
    current = {language: args.site / folder / "search" / "search_index.json" for language, folder in folders.items()}
    with tempfile.TemporaryDirectory() as scratch:
        old = Path(scratch)
        extract(args.baseline, old)
        before = baseline_indexes(args.site, folders, old / HOOK, old)
        runs: dict[str, list[dict[str, Any]]] = {"now": [], "baseline": []}
        for _ in range(args.rounds):
            runs["now"].append(time_modules(node, ROOT / SEARCH, current, queries, args.repeat))
            runs["baseline"].append(time_modules(node, old / SEARCH, before, queries, args.repeat))
        sizes = {
            side: {language: path.read_bytes() for language, path in paths.items()}
            for side, paths in (("now", current), ("baseline", before))
        }
    now, base = best_of(runs["now"]), best_of(runs["baseline"])
    print(f"baseline: {args.baseline[:12]} (its worker and its hook's index of this build's pages)")
    header = f"{'language':8} {'side':8} {'index':>9} {'gzip':>8} {'set-up ms':>10} {'query ms':>9} {'slowest':>8}"
    print(header + " queries")
    for language in folders:
        for side, figures in (("now", now), ("baseline", base)):
            raw, f = sizes[side][language], figures[language]
            print(
                f"{language:8} {side:8} {len(raw):9,} {len(gzip.compress(raw)):8,} {f['setup']:10.1f}"
                f" {f['mean']:9.3f} {f['max']:8.2f} {f['count']}"
            )
        raw_ratio = len(sizes["now"][language]) / len(sizes["baseline"][language])
        gzip_ratio = len(gzip.compress(sizes["now"][language])) / len(gzip.compress(sizes["baseline"][language]))
        print(
            f"{language:8} {'ratio':8} {raw_ratio:9.3f} {gzip_ratio:8.3f}"
            f" {now[language]['setup'] / base[language]['setup']:10.3f}"
            f" {now[language]['mean'] / base[language]['mean']:9.3f}"
        )


if __name__ == "__main__":
    main()
