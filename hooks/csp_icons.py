"""Build hook: Material's icons out of its stylesheet and into files, so pages work under a strict CSP.

Material 9.8 writes its CSS icons as `--md-*-icon: url("data:image/svg+xml;...")`; the checklist page's policy
(`default-src 'self'`, no `data:`) blocks those, and warnings would lose their icon. This writes each one to
`assets/images/csp/<name>.svg` and a stylesheet (linked by overrides/main.html) that points the same custom
properties at those files. Both generated files sit next to Material's own, so the relative URLs resolve the same.

The icons are read with a regular expression from minified CSS: if a Material upgrade writes them another way,
the build fails and says so, rather than shipping a stylesheet that silently misses icons.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path
from typing import Any

import material
from _buildlog import nested_language_build, report
from mkdocs.exceptions import PluginError

ICON = re.compile(r'(--md-[\w-]+):url\("data:image/svg\+xml;charset=utf-8,([^"]*)"\)')
DATA_URL = "data:image/svg"
STYLESHEET = "assets/stylesheets/csp-icons.css"
IMAGES = "assets/images/csp"
STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"

_report = report("csp_icons")


def main_stylesheet(folder: Path = STYLESHEETS) -> Path:
    """Material's one `main.<hash>.min.css`; a build error if there is none or several (the theme changed)."""
    found = sorted(folder.glob("main.*.min.css"))
    if len(found) != 1:
        raise PluginError(
            f"csp_icons: expected one main.*.min.css in {folder}, found {len(found)}: Material's layout changed, "
            "update hooks/csp_icons.py"
        )
    return found[0]


def icons(css: str) -> dict[str, str]:
    """Every data-URL icon of Material's stylesheet text: custom property name → SVG source.

    Raises PluginError when the stylesheet has `data:image/svg` URLs the pattern did not read (Material changed
    how it writes them): each one left would be blocked by the CSP, so the icon would vanish without a word.
    """
    found = ICON.findall(css)
    expected = css.count(DATA_URL)
    if len(found) != expected or len(dict(found)) != len(found):
        raise PluginError(
            f"csp_icons: Material's stylesheet has {expected} {DATA_URL} URLs but the pattern read {len(found)} "
            f"({len(dict(found))} distinct names): Material changed how it writes its icons; update ICON in "
            "hooks/csp_icons.py"
        )
    return {name: urllib.parse.unquote(svg) for name, svg in found}


def on_post_build(config: Any) -> None:
    if nested_language_build(config):
        return  # the icons are the same in every language: written once, in the default language's build
    with _report.timing():
        site = Path(config.site_dir)
        (site / IMAGES).mkdir(parents=True, exist_ok=True)
        rules = []
        found = icons(main_stylesheet().read_text(encoding="utf-8"))
        for name, svg in found.items():
            file = name.removeprefix("--md-") + ".svg"
            (site / IMAGES / file).write_text(svg, encoding="utf-8")
            rules.append(f'  {name}: url("../images/csp/{file}");')
        (site / STYLESHEET).write_text(":root {\n" + "\n".join(rules) + "\n}\n", encoding="utf-8")
        _report.produced = f"{len(found)} icons as files in {IMAGES}/ and {STYLESHEET}"
