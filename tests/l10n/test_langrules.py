"""Language QA rules from l10n/langrules.yml (issue 23, point 5): French no-break space before `: ; ! ?`,
zh-TW full-width punctuation, each language's date style, identical plural forms in a catalog, a wrong term
beside the right one in the same section; in pages, in mkdocs.yml's language entry and in catalogs."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from l10n import langqa
from l10n.cli import check_project
from l10n.project import Project
from tests.helpers.l10n_breaks import edit  # the fixture pair (conftest.py: `project`), and its edits


def found(made: Project) -> list[str]:
    problems, _ = check_project(made, made.docs.parent, {"structure", "glossary"})
    return [f"{p.path.name}:{p.line}: {p.message}" for p in problems]


def test_a_plain_space_before_a_french_colon(project: Project) -> None:  # noqa: F811
    path, line = edit(project, "fr", "Voir [avantages](benefits.md).", "Voir : [avantages](benefits.md).")
    assert any(p.startswith(f"move.fr.md:{line}: plain space before ':'") for p in found(project))


def test_no_space_before_a_french_question_mark(project: Project) -> None:  # noqa: F811
    path, line = edit(project, "fr", "Envoyez le mot de passe temporaire.", "Envoyez le mot de passe temporaire?")
    assert any(p.startswith(f"move.fr.md:{line}: no space before '?'") for p in found(project))


def test_half_width_punctuation_in_chinese(project: Project) -> None:  # noqa: F811
    path, line = edit(project, "zh-TW", "暫時密碼的有效期限為 90 天，直到", "暫時密碼的有效期限為 90 天,直到")
    assert (
        f"move.zh-TW.md:{line}: half-width ',' beside Chinese text: use '，': '暫時密碼的有效期限為 90 天,直到 20'"
        in found(project)
    )


def test_a_slashed_date_in_chinese(project: Project) -> None:  # noqa: F811
    path, line = edit(project, "zh-TW", "2027 年 6 月 30 日", "2027/6/30")
    assert f"move.zh-TW.md:{line}: date written '2027/6/30': the site writes dates as 2027 年 6 月 30 日" in found(
        project
    )


def test_a_date_without_spaces_in_chinese(project: Project) -> None:  # noqa: F811
    path, line = edit(project, "zh-TW", "2027 年 6 月 30 日", "2027年6月30日")
    assert any(p.startswith(f"move.zh-TW.md:{line}: date written '2027年'") for p in found(project))


def test_a_numeric_date_in_french(project: Project) -> None:  # noqa: F811
    path, line = edit(project, "fr", "jusqu’au 30 juin 2027", "jusqu’au 30/06/2027")
    expected = f"move.fr.md:{line}: date written '30/06/2027': the site writes dates as 30 juin 2027 (1er avril 2027)"
    assert expected in found(project)


def test_a_space_after_a_bold_label_colon_in_chinese(project: Project) -> None:  # noqa: F811
    path, line = edit(project, "zh-TW", "選取 **新增使用者**。", "**選取：** **新增使用者**。")
    assert any(p.startswith(f"move.zh-TW.md:{line}: '：**' (column 8): no space after ：**") for p in found(project))


def test_a_listed_wrong_term_beside_the_right_one(project: Project) -> None:  # noqa: F811
    path, line = edit(project, "fr", "Votre compte Espace partenaires", "Votre compte Centre de partenaires")
    problems = found(project)
    assert f"move.fr.md:{line}: 'Centre de partenaires' is a wrong rendering of the term partner-center (termbase)" in (
        problems
    )


def test_an_unlisted_wrong_term_beside_the_right_one(project: Project) -> None:  # noqa: F811
    """The heading of the section still says Espace partenaires (the per-section check is satisfied); the
    paragraph whose English says Partner Center does not."""
    path, line = edit(project, "fr", "Votre compte Espace partenaires", "Votre compte Portail des partenaires")
    expected = (
        f"move.fr.md:{line}: section #move: this paragraph lacks the approved 'Espace partenaires' where "
        "move.md:7 says 'Partner Center' (termbase: partner-center)"
    )
    assert expected in found(project)


def test_the_french_entry_of_mkdocs_yml(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(
            """\
            plugins:
              - i18n:
                  languages:
                    - locale: en
                      default: true
                      site_description: "Move: admin tasks."
                    - locale: fr
                      site_description: >-
                        Transférez votre adhésion
                        vers l’Espace partenaires : tâches
                      extra:
                        ui:
                          roles_label: "Pour\\u00a0:"
            """
        ),
        encoding="utf-8",
    )
    problems = [f"{p.path.name}:{p.line}: {p.message}" for p in langqa.config_problems(config, "fr")]
    assert problems == [
        "mkdocs.yml:10: plain space before ':' (column 38): French uses a no-break space (U+00A0): "
        "'ace partenaires : tâch'"
    ]


def test_identical_plural_forms_in_a_catalog(tmp_path: Path) -> None:
    po = tmp_path / "checklist.po"
    po.write_text(
        textwrap.dedent(
            """\
            msgid ""
            msgstr ""
            "Language: fr\\n"
            "Plural-Forms: nplurals=2; plural=(n > 1);\\n"
            "Content-Type: text/plain; charset=utf-8\\n"

            msgid "{count} day"
            msgid_plural "{count} days"
            msgstr[0] "{count}\\u00a0jour"
            msgstr[1] "{count}\\u00a0jour"

            msgid "{count} person"
            msgid_plural "{count} people"
            msgstr[0] "{count}\\u00a0personne"
            msgstr[1] "{count}\\u00a0personnes"
            """
        ).replace("\\u00a0", "\u00a0"),
        encoding="utf-8",
    )
    problems = [f"{p.path.name}:{p.line}: {p.message}" for p in langqa.catalog_problems(po, "fr")]
    assert problems == [
        "checklist.po:7: msgid '{count} day': its 2 plural forms are identical ('{count}\\xa0jour'), the English "
        "ones differ: write the plural form in msgstr[1]"
    ]


def test_a_numeric_date_the_english_also_writes_is_an_example(tmp_path: Path) -> None:
    """ "How does your file write dates like 8/10/2026?": the date is the example the English gives."""
    lines = [(3, "Comment votre fichier écrit-il une date comme 8/10/2026\u00a0?")]
    assert langqa.text_problems(tmp_path / "x.po", lines, "fr", "How does your file write dates like 8/10/2026?") == []
    assert langqa.text_problems(tmp_path / "x.po", lines, "fr", "How does your file write dates?") != []


@pytest.mark.parametrize(
    ("language", "old", "new", "wrong", "use"),
    [
        (
            "fr",
            "Votre compte Espace partenaires",
            "Votre adhésion au MPN et votre compte Espace partenaires",
            "adhésion au MPN",
            "adhésion MPN",
        ),
        ("zh-TW", "傳送暫時密碼。", "聯繫使用者並傳送暫時密碼。", "聯繫", "連絡"),
        ("zh-TW", "開啟[儀表板]", "開啟並查看[儀表板]", "查看", "檢視"),
        ("zh-TW", "傳送暫時密碼。", "保存並傳送暫時密碼。", "保存", "儲存"),
    ],
)
def test_the_variants_of_issue_23_stay_fixed(  # noqa: PLR0913
    project: Project,  # noqa: F811
    language: str,
    old: str,
    new: str,
    wrong: str,
    use: str,
) -> None:
    path, line = edit(project, language, old, new)
    assert f"{path.name}:{line}: {wrong!r} is not the approved term: use {use!r}" in found(project)


def test_a_variant_in_the_description_is_caught(project: Project) -> None:  # noqa: F811
    path, line = edit(project, "zh-TW", "description: 系統管理員要做的事。", "description: 查看系統管理員要做的事。")
    assert f"{path.name}:{line}: '查看' is not the approved term: use '檢視'" in found(project)
