"""Reading XLIFF as translation tools write it back: 1.2 (ours), 1.1 and 1.0 (translate-toolkit's po2xliff),
2.0 (translate-toolkit's xliff2 store, Okapi, memoQ). Every inline code is read into one shape (open, close,
isolated, with its id) whatever element carries it: `<bpt>/<ept>`, `<g>`, `<bx>/<ex>`, `<ph>`, `<x>`, `<it>`
in 1.x; `<pc>`, `<sc>/<ec>`, `<ph>` in 2.0. The checks of `inline.problems` then apply to all of them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from l10n.inline import Mark, Written

NAMESPACES = {
    "urn:oasis:names:tc:xliff:document:1.2": "1.2",
    "urn:oasis:names:tc:xliff:document:1.1": "1.1",
    "urn:oasis:names:tc:xliff:document:2.0": "2.0",
    "": "1.0",
}


@dataclass
class ReadUnit:
    id: str
    source: list[Written]
    target: list[Written] | None  # None: no <target> element
    group: str | None = None  # the id of a `x-gettext-plurals` group holding it
    restype: str | None = None


@dataclass
class ReadFile:
    original: str | None
    datatype: str | None
    units: list[ReadUnit] = field(default_factory=list)


@dataclass
class ReadDocument:
    version: str
    files: list[ReadFile]


def _local(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def written(element: ET.Element) -> list[Written]:
    """The text and codes of a `<source>`/`<target>` (or a 2.0 segment part), in document order."""
    out: list[Written] = []
    if element.text:
        out.append(element.text)
    for child in element:
        _, name = _local(child.tag)
        code_id = child.get("id") or ""
        if name in ("bpt", "bx", "sc"):
            out.append(Mark("open", code_id))
        elif name == "ept":
            out.append(Mark("close", code_id or child.get("rid") or ""))
        elif name in ("ex", "ec"):
            out.append(Mark("close", child.get("startRef") or child.get("rid") or code_id))
        elif name in ("ph", "x", "it"):
            out.append(Mark("ph", code_id))
        elif name in ("g", "pc"):
            out.append(Mark("open", code_id))
            out += written(child)
            out.append(Mark("close", code_id))
        elif name == "mrk":  # an annotation around translatable text: keep the text
            out += written(child)
        # sub, sm, em: nothing a page can hold
        if child.tail:
            out.append(child.tail)
    return out


def text_of(parts: list[Written] | None) -> str:
    return "".join(p for p in parts or [] if isinstance(p, str))


def read(path: Path) -> ReadDocument:
    """The files and units of an XLIFF document; ValueError naming the file when it is no XLIFF at all."""
    root = ET.parse(path).getroot()
    namespace, name = _local(root.tag)
    if name != "xliff":
        raise ValueError(f"{path}: not an XLIFF file (root element <{name}>)")
    version = NAMESPACES.get(namespace)
    if version is None:
        raise ValueError(f"{path}: unknown XLIFF namespace {namespace!r} (version {root.get('version')})")
    files = []
    for file in root.iter(f"{{{namespace}}}file" if namespace else "file"):
        found = ReadFile(file.get("original"), file.get("datatype"))
        found.units = list(_units(file, namespace, version))
        files.append(found)
    return ReadDocument(version, files)


def _units(file: ET.Element, namespace: str, version: str):  # type: ignore[no-untyped-def]
    def tag(name: str) -> str:
        return f"{{{namespace}}}{name}" if namespace else name

    if version == "2.0":
        for unit in file.iter(tag("unit")):
            sources: list[Written] = []
            targets: list[Written] = []
            has_target = False
            for part in unit:
                if _local(part.tag)[1] not in ("segment", "ignorable"):
                    continue
                source = part.find(tag("source"))
                target = part.find(tag("target"))
                sources += written(source) if source is not None else []
                if target is not None:
                    has_target = True
                    targets += written(target)
            yield ReadUnit(str(unit.get("id")), sources, targets if has_target else None)
        return
    groups = {id(unit): group for group in file.iter(tag("group")) for unit in group.iter(tag("trans-unit"))}
    for unit in file.iter(tag("trans-unit")):
        source = unit.find(tag("source"))
        target = unit.find(tag("target"))
        group = groups.get(id(unit))
        plural = group is not None and group.get("restype") == "x-gettext-plurals"
        yield ReadUnit(
            str(unit.get("id")),
            written(source) if source is not None else [],
            written(target) if target is not None else None,
            (group.get("id") or str(id(group))) if plural and group is not None else None,
            unit.get("restype"),
        )
