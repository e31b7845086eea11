"""`python -m l10n status | refresh | check | diff`: the localizer's commands (also `make l10n-status` and
`make l10n-refresh`). Exit status: 0 fine, 1 problems found (or, with `status --strict`, work left), 2 bad use.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
from pathlib import Path

from l10n import blocks, catalogs, checks, glossary, langqa, status, structure, xliff, xliff_catalog
from l10n.history import blob_text, commit_holding
from l10n.markdown import FrontMatterError, parse
from l10n.problems import Problem, report
from l10n.project import Project, load

CHECKS = ("structure", "glossary", "catalogs")


def find_root(start: Path) -> Path:
    """The folder holding mkdocs.yml, from `start` upwards: the tools work on the tree you are in (a copy too)."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise SystemExit(f"no mkdocs.yml in {start} or above: run from the project, or pass --root")


def side_by_side(old: str, source: Path, path: Path) -> str:
    """Per section that changed: the English diff (old -> now), then the translated lines it concerns, so a
    localizer sees what to change next to where to change it."""
    from l10n.markdown import parse

    before = {status.section_id(s): s for s in parse(old).sections}
    now = {status.section_id(s): s for s in parse(source.read_text(encoding="utf-8")).sections}
    translated = {status.section_id(s): s for s in parse(path.read_text(encoding="utf-8")).sections}
    out = []
    for key, section in now.items():
        ours = [text for _, text in section.text_lines()]
        theirs = [text for _, text in before[key].text_lines()] if key in before else []
        if ours == theirs:
            continue
        label = "(top of page)" if key == status.TOP else f"#{key}"
        out.append(f"=== {label}: English {source.name}:{section.line}")
        out += [
            line.rstrip("\n")
            for line in difflib.unified_diff(theirs, ours, "before", "now", n=1, lineterm="")
            if not line.startswith(("---", "+++"))
        ]
        other = translated.get(key)
        if other is None:
            out.append(f"--- {path.name}: no such section yet: translate it")
        else:
            out.append(f"--- {path.name}:{other.line}")
            out += [f"{number:>5}  {text}" for number, text in other.text_lines()]
        out.append("")
    for key in before.keys() - now.keys():
        out.append(f"=== #{key}: removed from the English; {path.name} still has it" if key in translated else "")
    return "\n".join(out).rstrip() or "no section changed (the English change is outside the sections)"


def _read(path: Path, problems: list[Problem]) -> object | None:
    """A page parsed, or None with a Problem naming the file and line when its front matter is broken YAML."""
    try:
        return parse(path.read_text(encoding="utf-8"))
    except FrontMatterError as error:
        problems.append(Problem(path, error.line, f"front matter is not valid YAML: {error.problem}"))
        return None


def check_project(project: Project, root: Path, only: set[str] | None = None) -> tuple[list[Problem], list[Problem]]:
    """(problems, pending): problems fail the check; pending is work for the localizer, not a failure.

    Differences from the English (structure, numbers, links, labels, terms, untranslated text) are problems
    in a translation marked up to date (its `source_hash` is the English file's). While the English is newer,
    those in the sections whose English changed (per-section hashes, `source_sections`) are what the
    localizer has to do, so they are reported as pending: an English author adding a section or a step is
    never blocked by translations. Sections whose English did not change are checked in full, and a
    `source_hash` that matches no English revision is an error that leaves every difference an error.
    Errors inside a translation itself (forbidden variants, Simplified characters, admonition syntax, broken
    front matter) are problems in every state.
    """
    wanted = only or set(CHECKS)
    problems: list[Problem] = []
    pending: list[Problem] = []
    terms = glossary.load_termbase()
    labels = glossary.load_ui_labels()
    variants = glossary.load_variants()
    page_variants = glossary.load_page_variants()
    if "glossary" in wanted:
        problems += glossary.validate_termbase(terms, project.languages)
        everywhere = {lang: variants.get(lang, []) + page_variants.get(lang, []) for lang in project.translations}
        problems += glossary.definition_problems(terms, everywhere)
    for page in project.pages():
        source = project.source(page, project.default)
        english = _read(source, problems)
        for language in project.translations:
            path = project.source(page, language)
            if not path.exists() or english is None:
                continue
            translation = _read(path, problems)
            if translation is None:
                continue
            text = path.read_text(encoding="utf-8")
            own: list[Problem] = []
            parity: list[Problem] = []
            if "structure" in wanted:
                parity += structure.compare(source, path)
                parity += checks.compare_sections(
                    english, translation, source, path, language, labels.get(language, {})
                )
                own += checks.admonitions(text.splitlines(), path)
                parity += blocks.compare(source, path)
                parity += _new_sentences(parity, blocks.untranslated_sentences(path, language))
                matter = blocks.front_matter(source, path)
                own += [p for p in matter if "(not translated)" not in p.message]
                parity += [p for p in matter if "(not translated)" in p.message]
            if "glossary" in wanted:
                found = glossary.check_translation(terms, source, path, language, english)
                # avoid forms are in `variants` too (forbidden_variants reports them in pages and catalogs)
                parity += [p for p in found if "is not the approved term" not in p.message]
                lines = [(n, t) for section in translation.sections for n, t in section.text_lines()]
                forbidden = variants.get(language, []) + page_variants.get(language, [])
                own += checks.forbidden_variants(path, langqa.front_matter_lines(text) + lines, forbidden)
                if language == "zh-TW":
                    own += checks.simplified_characters(path, lines)
                own += langqa.page_problems(path, language, source)
                parity += langqa.block_terms(terms, source, path, language)
            own += [Problem(path, 1, message) for message in status.review_problems(path)]
            state = status.page_status(project, page, language)
            wrong_hash = status.hash_problem(state)
            if wrong_hash:
                own.append(Problem(path, _line_of(text, status.HASH_KEY), wrong_hash))
            problems += own
            if state.state == status.CURRENT or wrong_hash:
                problems += parity
                continue
            # Stale: only the sections whose English changed are pending; the others are checked in full.
            waiting = status.pending_sections(project, page, language)
            starts = status.section_of_lines(text)
            for problem in parity:
                in_waiting = _problem_section(problem, starts) in waiting
                (pending if in_waiting else problems).append(problem)
    locale = root / "checklist" / "locale"
    if "catalogs" in wanted and locale.is_dir():
        problems += catalogs.check_catalogs(locale, "checklist", sources=root / "checklist", variants=variants)
        for language in project.translations:
            po = locale / language.replace("-", "_") / "LC_MESSAGES" / "checklist.po"
            if po.exists():
                problems += langqa.catalog_problems(po, language)
    if "glossary" in wanted and (root / "mkdocs.yml").is_file():
        for language in project.translations:
            problems += langqa.config_problems(root / "mkdocs.yml", language)
    return problems, pending


SECTION_NAMED = re.compile(r"^section (?:#([\w-]+)|(\(top\)))|missing heading id #([\w-]+)|^#([\w-]+) is not in ")


def _problem_section(problem: Problem, starts: list[tuple[int, str | None]]) -> str | None:
    """The section a parity problem is about: the one its message names, else the one holding its line."""
    if match := SECTION_NAMED.search(problem.message):
        named, top, missing, extra = match.groups()
        return status.TOP if top else (named or missing or extra)
    return status.section_at(starts, problem.line)


def _new_sentences(found: list[Problem], sentences: list[Problem]) -> list[Problem]:
    """English sentences on lines the line check did not already report as untranslated paragraphs."""
    seen = {(p.path, p.line) for p in found if p.message.startswith("untranslated paragraph")}
    return [p for p in sentences if (p.path, p.line) not in seen]


def _line_of(text: str, key: str) -> int:
    """The file line of a front-matter key (1 when absent), for messages about it."""
    return next((i for i, line in enumerate(text.splitlines(), 1) if line.startswith(f"{key}:")), 1)


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
    refresh.add_argument(
        "--unchanged", action="store_true", help="the English change needs no translation: refresh all the same"
    )

    check = commands.add_parser("check", help="structure parity, termbase and catalog checks")
    check.add_argument("--only", action="append", choices=list(CHECKS))
    check.add_argument("--pending", action="store_true", help="also list the work pending in stale translations")

    diff = commands.add_parser("diff", help="what changed in the English since a translation was made (needs git)")
    diff.add_argument("path", help="a translation file, e.g. docs/transition.fr.md")

    out = commands.add_parser("export", help="one XLIFF 1.2 file per page for a translation tool")
    out.add_argument("--lang", required=True, help="target language, e.g. fr")
    out.add_argument("--page", action="append", help="page name (default: every page)")
    out.add_argument("--out", type=Path, help="folder (default: build/xliff/<lang>)")

    back = commands.add_parser("import", help="write the targets of XLIFF files back into the pages")
    back.add_argument("files", nargs="+", type=Path, help="XLIFF files written by export")

    args = parser.parse_args(argv)
    root = (args.root or find_root(Path.cwd())).resolve()
    project = load(root)

    if args.command == "status":
        statuses = status.project_status(project)
        print(status.format_table(statuses, project.translations))
        sections = status.format_sections(project)
        if sections:
            print("\n" + sections)
        return 1 if args.strict and any(s.needs_work for s in statuses) else 0

    if args.command == "refresh":
        for path in _targets(project, args):
            if not path.exists():
                print(f"{path}: no such translation (create it first, from {project.default})", file=sys.stderr)
                return 2
            reasons = [] if args.unchanged else status.refresh_refusals(project, path)
            if reasons:
                shown = path.relative_to(root) if path.is_relative_to(root) else path
                print(f"{shown}: not refreshed, translate these first (or pass --unchanged):", file=sys.stderr)
                for reason in reasons:
                    print(f"  {reason}", file=sys.stderr)
                return 1
            old, new = status.refresh(project, path)
            word = "already up to date" if old == new else f"source_hash {old or '(none)'} -> {new}"
            print(f"{path.relative_to(root) if path.is_relative_to(root) else path}: {word}")
        return 0

    if args.command == "check":
        problems, pending = check_project(project, root, set(args.only) if args.only else None)
        if pending:
            if args.pending:
                print(report(pending))
            print(
                f"{len(pending)} difference(s) in stale translations: work for the localizer, not errors"
                + ("" if args.pending else " (--pending lists them)"),
                file=sys.stderr,
            )
        if problems:
            print(report(problems))
            print(f"{len(problems)} problem(s)", file=sys.stderr)
            return 1
        names = ", ".join(sorted(args.only or CHECKS))
        print(f"no problems ({names})")
        return 0

    if args.command == "export":
        if args.lang not in project.translations:
            raise SystemExit(f"unknown language {args.lang!r}: one of {', '.join(project.translations)}")
        folder = args.out or root / "build" / "xliff" / args.lang
        folder.mkdir(parents=True, exist_ok=True)
        for page in args.page or project.pages():
            if not project.source(page, project.default).exists():
                raise SystemExit(f"no English page {project.source(page, project.default)}")
            target = folder / f"{page.replace('/', '__')}.{args.lang}.xlf"
            target.write_bytes(xliff.export(project, page, args.lang, root))
            print(target.relative_to(root) if target.is_relative_to(root) else target)
        po = root / "checklist" / "locale" / args.lang.replace("-", "_") / "LC_MESSAGES" / "checklist.po"
        if po.exists() and not args.page:
            target = folder / f"checklist-catalog.{args.lang}.xlf"
            target.write_bytes(xliff_catalog.export_catalog(po, args.lang, root))
            print(target.relative_to(root) if target.is_relative_to(root) else target)
        return 0

    if args.command == "import":
        status_code = 0
        for file in args.files:
            try:
                catalog = xliff_catalog.is_catalog(file)
                result = xliff_catalog.import_catalog(file, root) if catalog else xliff.import_file(project, file, root)
            except xliff.ImportRefusedError as error:
                print(error, file=sys.stderr)
                status_code = 1
                continue
            except (ValueError, FileNotFoundError, xliff.ET.ParseError) as error:
                print(f"{file}: {error}", file=sys.stderr)
                status_code = 1
                continue
            shown = result.path.relative_to(root) if result.path.is_relative_to(root) else result.path
            print(f"{shown}: {result.changed} unit(s) changed")
            for unit_id in result.skipped:
                print(f"  {unit_id}: not imported, the page has no such unit (add its section first)", file=sys.stderr)
                status_code = 1
        return status_code

    if args.command == "diff":
        path = Path(args.path).resolve()
        page, language = project.split(path)
        source = project.source(page, project.default)
        recorded = status.page_status(project, page, language).recorded
        commit = commit_holding(source, recorded) if recorded else None
        old = blob_text(source, recorded) if recorded else None
        if old is None and commit is None:
            print(f"{args.path}: the English text it was made from is not in the git history", file=sys.stderr)
            return 1
        if old is None:
            return subprocess.call(["git", "diff", commit, "--", source.name], cwd=source.parent)
        print(side_by_side(old, source, path))
        return 0

    return 2
