"""Where the pages and languages are: read from mkdocs.yml, so adding a language there is enough for the tools.

Pages follow mkdocs-static-i18n's suffix layout: `page.md` is the English source, `page.fr.md` and
`page.zh-TW.md` its translations, side by side in `docs/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Project:
    docs: Path
    languages: tuple[str, ...]  # the default (source) language first
    fallback: bool = True  # mkdocs-static-i18n `fallback_to_default`: absent translations are served in English
    nav: tuple[str, ...] = ()  # pages in the order of mkdocs.yml's nav (tables list them in that order)

    @property
    def default(self) -> str:
        return self.languages[0]

    @property
    def translations(self) -> tuple[str, ...]:
        return self.languages[1:]

    def source(self, page: str, language: str) -> Path:
        """`docs/page.md` for the default language, `docs/page.<language>.md` for the others."""
        suffix = "" if language == self.default else f".{language}"
        return self.docs / f"{page}{suffix}.md"

    def pages(self) -> list[str]:
        """Every English source page (`docs/**/page.md`), as `page` or `folder/page`, sorted."""
        found = []
        for path in self.docs.rglob("*.md"):
            name = path.relative_to(self.docs).as_posix()[: -len(".md")]
            if not any(name.endswith(f".{language}") for language in self.languages):
                found.append(name)
        order = {name: i for i, name in enumerate(self.nav)}
        return sorted(found, key=lambda name: (order.get(name, len(order)), name != "index", name))

    def split(self, path: Path) -> tuple[str, str]:
        """(page, language) of a file in docs/: `docs/transition.fr.md` -> ("transition", "fr")."""
        name = path.resolve().relative_to(self.docs.resolve()).as_posix()
        if not name.endswith(".md"):
            raise ValueError(f"{path} is not a Markdown page")
        name = name[: -len(".md")]
        for language in self.translations:
            if name.endswith(f".{language}"):
                return name[: -len(language) - 1], language
        return name, self.default


def load(root: Path = ROOT, config: str = "mkdocs.yml") -> Project:
    """The project described by `root/mkdocs.yml` (docs_dir and the i18n plugin's languages)."""
    from mkdocs.utils.yaml import yaml_load  # understands !ENV and !relative, unlike yaml.safe_load

    with open(root / config, encoding="utf-8") as handle:
        data = yaml_load(handle) or {}
    languages: list[str] = []
    fallback = True
    for plugin in data.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            options = plugin["i18n"] or {}
            fallback = bool(options.get("fallback_to_default", True))
            entries = [lang for lang in options.get("languages", []) if lang.get("build", True)]
            default = [lang["locale"] for lang in entries if lang.get("default")]
            languages = default + [lang["locale"] for lang in entries if not lang.get("default")]
    if not languages:
        languages = [str((data.get("theme") or {}).get("language", "en"))]
    docs = root / data.get("docs_dir", "docs")
    return Project(docs=docs, languages=tuple(languages), fallback=fallback, nav=tuple(_nav_pages(data.get("nav"))))


def _nav_pages(nav: object) -> list[str]:
    """`transition.md` entries of a MkDocs nav (plain, titled or in sections), as page names, in order."""
    found: list[str] = []
    if isinstance(nav, str):
        if nav.endswith(".md") and "://" not in nav:
            found.append(nav[: -len(".md")])
    elif isinstance(nav, list):
        for item in nav:
            found += _nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            found += _nav_pages(value)
    return found
