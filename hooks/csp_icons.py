"""Build hook: Material's icons out of its stylesheet and into files, so pages work under a strict CSP.

Material 9.8 writes its CSS icons as `--md-*-icon: url("data:image/svg+xml;...")`; the checklist page's policy
(`default-src 'self'`, no `data:`) blocks those, and warnings would lose their icon. This writes each one to
`assets/images/csp/<name>.svg` and a stylesheet (linked by overrides/main.html) that points the same custom
properties at those files. Both generated files sit next to Material's own, so the relative URLs resolve the same.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path
from typing import Any

import material

ICON = re.compile(r'(--md-[\w-]+):url\("data:image/svg\+xml;charset=utf-8,([^"]*)"\)')
STYLESHEET = "assets/stylesheets/csp-icons.css"
IMAGES = "assets/images/csp"


def icons() -> dict[str, str]:
    """Every data-URL icon of Material's main stylesheet: custom property name → SVG source."""
    css = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
    return {name: urllib.parse.unquote(svg) for name, svg in ICON.findall(css.read_text(encoding="utf-8"))}


def on_post_build(config: Any) -> None:
    site = Path(config.site_dir)
    (site / IMAGES).mkdir(parents=True, exist_ok=True)
    rules = []
    for name, svg in icons().items():
        file = name.removeprefix("--md-") + ".svg"
        (site / IMAGES / file).write_text(svg, encoding="utf-8")
        rules.append(f'  {name}: url("../images/csp/{file}");')
    (site / STYLESHEET).write_text(":root {\n" + "\n".join(rules) + "\n}\n", encoding="utf-8")
