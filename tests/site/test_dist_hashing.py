"""deploy.dist's content hashing on small built trees: any module name, imports rewritten leaves first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from deploy.dist import DistError, hash_assets, netlify_redirects


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_a_new_module_is_hashed_and_its_importers_follow(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "fr/checklist/index.html": '<script type="module" src="../../assets/js/app.js"></script>',
            "404.html": '<link rel="stylesheet" href="/guide/assets/site.css">',
            "assets/js/app.js": 'import { links } from "./links.js";\nimport "./nested/plan-view.js";',
            "assets/js/links.js": "export const links = 1;",
            "assets/js/nested/plan-view.js": 'import { links } from "../links.js";',
            "assets/site.css": "a{background:url(img/x.svg)}",
            "assets/img/x.svg": "<svg/>",
            "assets/js/lunr.fr.js": "/* loaded by a name built at run time: left alone */",
        },
    )
    renamed = hash_assets(tmp_path, "/guide/")
    assert set(renamed) == {
        "assets/js/app.js",
        "assets/js/links.js",
        "assets/js/nested/plan-view.js",
        "assets/site.css",
        "assets/img/x.svg",
    }
    assert (tmp_path / "assets/js/lunr.fr.js").exists()
    app = (tmp_path / renamed["assets/js/app.js"]).read_text(encoding="utf-8")
    assert re.search(r'from "\./links\.[0-9a-f]{10}\.js"', app) and re.search(
        r'"\./nested/plan-view\.[0-9a-f]{10}\.js"', app
    )
    view = (tmp_path / renamed["assets/js/nested/plan-view.js"]).read_text(encoding="utf-8")
    assert Path(renamed["assets/js/links.js"]).name in view
    html = (tmp_path / "fr/checklist/index.html").read_text(encoding="utf-8")
    assert f'src="../../{renamed["assets/js/app.js"]}"' in html
    assert f'href="/guide/{renamed["assets/site.css"]}"' in (tmp_path / "404.html").read_text(encoding="utf-8")
    assert Path(renamed["assets/img/x.svg"]).name in (tmp_path / renamed["assets/site.css"]).read_text(encoding="utf-8")


def test_a_change_in_an_imported_module_changes_its_importers_name(tmp_path: Path) -> None:
    names = []
    for version in ("1", "2"):
        root = tmp_path / version
        _tree(
            root,
            {
                "index.html": '<script type="module" src="assets/app.js"></script>',
                "assets/app.js": 'import "./team.js";',
                "assets/team.js": f"export const version = {version};",
            },
        )
        names.append(hash_assets(root, "/")["assets/app.js"])
    assert names[0] != names[1]


def test_modules_importing_each_other_are_refused(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "index.html": '<script type="module" src="assets/a.js"></script>',
            "assets/a.js": 'import "./b.js";',
            "assets/b.js": 'import "./a.js";',
        },
    )
    with pytest.raises(DistError, match="a.js"):
        hash_assets(tmp_path, "/")


def test_a_module_named_in_a_comment_is_not_a_dependency(tmp_path: Path) -> None:
    """Prose in a script ("main.js calls init()") names files it does not load: no cycle, no rewrite."""
    _tree(
        tmp_path,
        {
            "index.html": '<script type="module" src="assets/main.js"></script>',
            "assets/main.js": 'import { init } from "./app.js";\ninit();',
            "assets/app.js": "/* nothing runs on import; main.js calls init() */\nexport function init() {}",
        },
    )
    renamed = hash_assets(tmp_path, "/")
    assert set(renamed) == {"assets/main.js", "assets/app.js"}
    assert "main.js calls init()" in (tmp_path / renamed["assets/app.js"]).read_text(encoding="utf-8")


def test_each_language_folder_gets_its_404() -> None:
    assert netlify_redirects(["", "fr", "zh-TW"]).splitlines() == [
        "/fr/*  /fr/404.html  404",
        "/zh-TW/*  /zh-TW/404.html  404",
        "/*  /404.html  404",
    ]
