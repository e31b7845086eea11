"""The checklist's gettext catalogs as XLIFF 1.2 and back (`make l10n-export` writes one beside the pages).

Units are named by each entry's msgctxt and msgid (an XML id cannot hold gettext's `msgctxt\\x04msgid`), the
msgctxt kept in a `po-entry` context group, plural entries as a `x-gettext-plurals` group, as
translate-toolkit's po2xliff writes them. Import also reads po2xliff's own output (XLIFF 1.1).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from l10n.xliff import NS, STRUCTURE, XML_SPACE, Imported, ImportRefusedError, indent
from l10n.xliff_read import ReadUnit, read, text_of

# The catalog's structure: a page's, with groups and context groups (msgctxt, plural forms) too.
CATALOG_STRUCTURE = STRUCTURE | {f"{{{NS}}}group", f"{{{NS}}}context-group"}


def _catalog_id(context: str | None, msgid: str) -> str:
    """A stable unit id for a catalog entry: XML ids cannot hold gettext's `msgctxt\\x04msgid` key."""
    import hashlib

    return "m" + hashlib.sha1(f"{context or ''}\x04{msgid}".encode()).hexdigest()[:12]


def export_catalog(po: Path, language: str, root: Path) -> bytes:
    """A gettext catalog as XLIFF 1.2: one unit per entry (a group per plural entry, as translate-toolkit's
    po2xliff writes it), the `msgctxt` kept in a `po-entry` context group so "May" the month and any other
    "May" stay two units."""
    from babel.messages.pofile import read_po

    with open(po, "rb") as handle:
        catalog = read_po(handle)
    xliff = ET.Element(f"{{{NS}}}xliff", version="1.2")
    file = ET.SubElement(
        xliff,
        f"{{{NS}}}file",
        {
            "original": po.relative_to(root).as_posix(),
            "source-language": "en",
            "target-language": language,
            "datatype": "po",
        },
    )
    body = ET.SubElement(file, f"{{{NS}}}body")
    for message in catalog:
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        strings = (message.string,) if isinstance(message.string, str) else tuple(message.string or ())
        unit_id = _catalog_id(message.context, ids[0])
        parent = body
        if len(ids) > 1:
            parent = ET.SubElement(body, f"{{{NS}}}group", {"id": unit_id, "restype": "x-gettext-plurals"})
        for index, text in enumerate(strings or ("",)):
            name = unit_id if len(ids) == 1 else f"{unit_id}[{index}]"
            element = ET.SubElement(parent, f"{{{NS}}}trans-unit", {"id": name, XML_SPACE: "preserve"})
            if text and not message.fuzzy:
                element.set("approved", "yes")
            ET.SubElement(element, f"{{{NS}}}source").text = ids[min(index, len(ids) - 1)]
            state = "needs-translation" if not text else ("needs-review-translation" if message.fuzzy else "translated")
            ET.SubElement(element, f"{{{NS}}}target", state=state).text = text
            if message.context:
                group = ET.SubElement(element, f"{{{NS}}}context-group", name="po-entry", purpose="information")
                ET.SubElement(group, f"{{{NS}}}context", {"context-type": "x-po-msgctxt"}).text = message.context
    indent(xliff, structure=CATALOG_STRUCTURE)
    return ET.tostring(xliff, encoding="utf-8", xml_declaration=True) + b"\n"


def is_catalog(xliff: Path) -> bool:
    """A catalog XLIFF (ours: datatype po; translate-toolkit's po2xliff: an original ending in .po)."""
    try:
        document = read(xliff)
    except (ET.ParseError, ValueError):
        return False
    return any(f.datatype == "po" or (f.original or "").endswith(".po") for f in document.files)


def import_catalog(xliff: Path, root: Path) -> Imported:
    """Write the targets of a catalog XLIFF back into its `.po` (Babel writes it as `pybabel update` does).

    Reads our export (units named by msgctxt and msgid) and translate-toolkit's po2xliff output (XLIFF 1.1,
    units numbered 1, 2, 3..., msgctxt dropped): those units are matched by their source text, and the
    entries sharing one msgid ("Done", "Done" in context "team status") by their order, which po2xliff keeps;
    when the counts differ they cannot be told apart and the file is refused with that reason. A refusal
    writes nothing.
    """
    from babel.messages.pofile import read_po, write_po

    document = read(xliff)
    file = next((f for f in document.files if f.datatype == "po" or (f.original or "").endswith(".po")), None)
    if file is None or not file.original:
        raise ImportRefusedError(f"{xliff}: not a catalog export (no <file> whose original is a .po catalog)")
    po = Path(file.original)
    po = po if po.is_absolute() else root / po
    with open(po, "rb") as handle:
        catalog = read_po(handle)
    entries = [m for m in catalog if m.id]
    by_id = {}
    by_source: dict[str, list] = {}
    for message in entries:
        ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        by_id[_catalog_id(message.context, ids[0])] = message
        by_source.setdefault(ids[0], []).append(message)
    targets: dict[tuple[int, int | None], str] = {}  # (id of the message, plural index) -> new string
    refusals = []
    groups: dict[str, list[ReadUnit]] = {}
    seen: dict[str, int] = {}
    for unit in file.units:
        if unit.restype == "x-gettext-domain-header" or unit.target is None:
            continue
        if unit.group is not None:
            groups.setdefault(unit.group, []).append(unit)
            continue
        english = text_of(unit.source)
        wanted = text_of(unit.target)
        if unit.id in by_id:
            found = [by_id[unit.id]]
        else:  # po2xliff: entries of the same msgid come in catalog order, one unit each
            same = by_source.get(english, [])
            seen[english] = seen.get(english, 0) + 1
            units_with_it = sum(1 for u in file.units if u.group is None and text_of(u.source) == english)
            if len(same) > 1 and units_with_it != len(same):
                contexts = ", ".join(repr(m.context) for m in same)
                refusals.append(
                    f"  unit {unit.id}: {english!r} is {len(same)} entries of {po.name} (msgctxt {contexts}) but "
                    f"{units_with_it} unit(s) here, which cannot be told apart (po2xliff drops msgctxt): "
                    "use make l10n-export"
                )
                continue
            found = same[seen[english] - 1 : seen[english]] if same else []
        if not found:
            if not any(key == english or (isinstance(key, tuple) and key[0] == english) for key in catalog.obsolete):
                refusals.append(f"  unit {unit.id}: no entry of {po.name} has the English {english!r}")
            continue
        targets[(id(found[0]), None)] = wanted
    for group_id, members in groups.items():
        first = members[0]
        found = [by_id[group_id]] if group_id in by_id else by_source.get(text_of(first.source), [])
        if len(found) != 1:
            refusals.append(f"  group {group_id}: the plural entry {text_of(first.source)!r} is not one entry")
            continue
        for index, unit in enumerate(members):
            targets[(id(found[0]), index)] = text_of(unit.target)
    if refusals:
        raise ImportRefusedError(f"{xliff}: refused, nothing written:\n" + "\n".join(refusals))
    changed = 0
    for message in entries:
        if isinstance(message.id, str):
            new: str | tuple[str, ...] = targets.get((id(message), None), message.string)
        else:
            old = tuple(message.string or ())
            new = tuple(targets.get((id(message), i), text) for i, text in enumerate(old))
        if new != message.string:
            message.string = new
            changed += 1
    if changed:
        with open(po, "wb") as handle:
            write_po(handle, catalog, width=76)
    return Imported(po, changed, [])
