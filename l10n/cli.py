"""`python -m l10n status | refresh | check | diff`: the localizer's commands (also `make l10n-status` and
`make l10n-refresh`). Exit status: 0 fine, 1 problems found (or, with `status --strict`, work left), 2 bad use.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from l10n import catalogs, glossary, status, structure
from l10n.history import commit_holding
from l10n.problems import Problem, report
from l10n.project import Project, load


def find_root(start: Path) -> Path:
    """The folder holding mkdocs.yml, from `start` upwards: the tools work on the tree you are in (a copy too)."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise SystemExit(f"no mkdocs.yml in {start} or above: run from the project, or pass --root")


def run_checks(project: Project, root: Path, only: set[str] | None = None) -> list[Problem]:
    """Structure parity, termbase and catalogs: everything that makes a translation wrong (not merely stale)."""
    wanted = only or {"structure", "glossary", "catalogs"}
    problems: list[Problem] = []
    terms = glossary.load_termbase()
    if "glossary" in wanted:
        problems += glossary.validate_termbase(terms, project.languages)
    for page in project.pages():
        source = project.source(page, project.default)
        for language in project.translations:
            path = project.source(page, language)
            if not path.exists():
                continue
            if "structure" in wanted:
                problems += structure.compare(source, path)
            if "glossary" in wanted:
                problems += glossary.check_translation(terms, source, path, language)
    locale = root / "checklist" / "locale"
    if "catalogs" in wanted and locale.is_dir():
        problems += catalogs.check_catalogs(locale, "checklist", sources=root / "checklist")
    return problems


def _targets(project: Project, args: argparse.Namespace) -> list[Path]:
    if args.paths:
        return [Path(p) for p in args.paths]
    if not (args.page or args.lang or args.all):
        raise SystemExit("refresh what? give files, --page PAGE [--lang LANG], --lang LANG, or --all")
    pages = [args.page] if args.page else project.pages()
    languages = [args.lang] if args.lang else list(project.translations)
    unknown = [lang for lang in languages if lang not in project.translations]
    if unknown:
        raise SystemExit(f"unknown language {unknown[0]!r}: one of {', '.join(project.translations)}")
    found = [project.source(page, lang) for page in pages for lang in languages]
    if args.page and not project.source(args.page, project.default).exists():
        raise SystemExit(f"no English page {project.source(args.page, project.default)}")
    return [path for path in found if path.exists() or args.page]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m l10n", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, help="project folder (default: the one holding mkdocs.yml, from here up)")
    commands = parser.add_subparsers(dest="command", required=True)

    show = commands.add_parser("status", help="table page x language: up to date / stale / untracked / fallback")
    show.add_argument("--strict", action="store_true", help="exit 1 unless every translation is up to date")

    refresh = commands.add_parser("refresh", help="mark translations as made from the current English text")
    refresh.add_argument("paths", nargs="*", help="translation files, e.g. docs/transition.fr.md")
    refresh.add_argument("--page", help="page name, e.g. transition")
    refresh.add_argument("--lang", help="language, e.g. fr (default: every language of --page)")
    refresh.add_argument("--all", action="store_true", help="every translation of every page")

    check = commands.add_parser("check", help="structure parity, termbase and catalog checks")
    check.add_argument("--only", action="append", choices=["structure", "glossary", "catalogs"])

    diff = commands.add_parser("diff", help="what changed in the English since a translation was made (needs git)")
    diff.add_argument("path", help="a translation file, e.g. docs/transition.fr.md")

    args = parser.parse_args(argv)
    root = (args.root or find_root(Path.cwd())).resolve()
    project = load(root)

    if args.command == "status":
        statuses = status.project_status(project)
        print(status.format_table(statuses, project.translations))
        return 1 if args.strict and any(s.needs_work for s in statuses) else 0

    if args.command == "refresh":
        for path in _targets(project, args):
            if not path.exists():
                print(f"{path}: no such translation (create it first, from {project.default})", file=sys.stderr)
                return 2
            old, new = status.refresh(project, path)
            word = "already up to date" if old == new else f"source_hash {old or '(none)'} -> {new}"
            print(f"{path.relative_to(root) if path.is_relative_to(root) else path}: {word}")
        return 0

    if args.command == "check":
        problems = run_checks(project, root, set(args.only) if args.only else None)
        if problems:
            print(report(problems))
            print(f"{len(problems)} problem(s)", file=sys.stderr)
            return 1
        checks = ", ".join(sorted(args.only or ["structure", "glossary", "catalogs"]))
        print(f"no problems ({checks})")
        return 0

    if args.command == "diff":
        path = Path(args.path).resolve()
        page, language = project.split(path)
        source = project.source(page, project.default)
        recorded = status.page_status(project, page, language).recorded
        commit = commit_holding(source, recorded) if recorded else None
        if commit is None:
            print(f"{args.path}: the English text it was made from is not in the git history", file=sys.stderr)
            return 1
        return subprocess.call(["git", "diff", commit, "--", source.name], cwd=source.parent)

    return 2
