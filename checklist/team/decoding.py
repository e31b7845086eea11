"""The admin's file as text: its size checked before anything is decoded, then its encoding.

Encodings: UTF-8 with or without BOM, UTF-16 and UTF-32 with BOM. Anything else (a "CSV" saved by an older
Excel in Windows-1252, or in Big5 in Taiwan) is refused with a message saying how to save it as UTF-8, unless
the caller names the encoding: guessing would garble names without anyone noticing.
"""

from __future__ import annotations

import codecs

from ..errors import ChecklistError
from ..i18n import N_, Texts

__all__ = ["MAX_BYTES", "decode", "not_text"]

MAX_BYTES = 5 * 1024 * 1024  # 5 MiB: about 30,000 rows, three times the employee limit

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _megabytes(texts: Texts, size: int) -> str:
    shown = f"{size / 1024 / 1024:.1f}"
    return shown.replace(".", ",") if texts.language == "fr" else shown


def decode(data: str | bytes | bytearray | memoryview, texts: Texts, encoding: str | None = None) -> tuple[str, str]:
    """The text of a file and the encoding it was read with (``"text"`` when given a str)."""
    if isinstance(data, str):
        if len(data) > MAX_BYTES:
            raise _too_large(texts, len(data))
        return data.removeprefix("\ufeff"), "text"
    data = bytes(data)
    if len(data) > MAX_BYTES:
        raise _too_large(texts, len(data))
    if encoding is not None:
        chosen = encoding
    else:
        chosen = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
        if chosen == "utf-8" and b"\x00" in data[:1024].split(b"\n", 1)[0]:
            raise not_text(texts)
    # No `raise` inside the `except` blocks: a UnicodeDecodeError holds the whole file (`.object`), and as the
    # context of the error we raise it would keep the file's bytes alive as long as anyone keeps that error.
    text: str | None = None
    bad_line = 0
    try:
        text = data.decode(chosen)
    except UnicodeError as error:  # UnicodeDecodeError, or a codec's own complaint (idna: "label too long")
        bad_line = data.count(b"\n", 0, getattr(error, "start", 0)) + 1
    except LookupError:  # unknown, or not a text encoding at all (rot13, base64: bytes <-> bytes or str <-> str)
        pass
    if text is None:
        raise _unreadable(texts, encoding, chosen, bad_line)
    return text.removeprefix("\ufeff"), codecs.lookup(chosen).name


def _unreadable(texts: Texts, encoding: str | None, chosen: str, bad_line: int) -> ChecklistError:
    """An encoding unknown (no line), or a line that cannot be read in the encoding used."""
    if not bad_line:
        message = texts(N_("Unknown encoding: {encoding}."), encoding=encoding)
        return ChecklistError("encoding", "unknown_encoding", message)
    if encoding is None and chosen == "utf-8":
        message = texts(
            N_(
                "The file is not UTF-8 text (line {line} cannot be read). Save it again as “CSV UTF-8” "
                "and import that file."
            ),
            line=bad_line,
        )
    else:
        message = texts(N_("The file cannot be read as {encoding} (line {line})."), encoding=chosen, line=bad_line)
    return ChecklistError("$", "invalid_encoding", message)


def not_text(texts: Texts) -> ChecklistError:
    """A binary file (NUL characters in its first line), or UTF-16 without its byte order mark."""
    message = N_(
        "The file is not CSV text (it contains NUL characters; a UTF-16 file needs its byte order mark). "
        "Save it again as “CSV UTF-8”."
    )
    return ChecklistError("$", "invalid_encoding", texts(message))


def _too_large(texts: Texts, size: int) -> ChecklistError:
    message = texts(
        N_("The file is too large ({size} MB; the limit is {limit} MB). Split it into several files."),
        size=_megabytes(texts, size),
        limit=_megabytes(texts, MAX_BYTES),
    )
    return ChecklistError("$", "too_large", message)
