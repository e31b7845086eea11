"""A realistic French Excel export of a team (issue 22), built here so that no test tunes on the issue's own file.

What a French Excel writes when an admin saves "CSV UTF-8 (délimité par des points-virgules)": a BOM, ";", CRLF
line ends, "VRAI"/"FAUX", the headers of a French tenant ("Nom d'affichage", "ADRESSE E-MAIL", "Connecté ?"),
empty rows written as bare separators, the admin's own columns (Service, Téléphone), a password column, and
dates in eight styles, because the sheet was pasted together from colleagues' exports:

1. ``08/11/2026`` (jj/mm/aaaa), 2. ``08/11/26`` (jj/mm/aa), 3. ``dimanche 8 novembre 2026`` (date longue, with
no-break spaces on some rows), 4. ``Sunday, November 8, 2026`` (an English colleague's long date), 5. ``8-nov.-26``
(j-mmm-aa), 6. ``45962`` (a date column formatted as Standard), 7. ``2026-11-08 09:30:00``, 8. ``2026年11月8日
星期日`` / ``2026年11月8日（週日）`` (a Taiwanese colleague's). Abbreviations with and without dots, capitals.
"""

from __future__ import annotations

import datetime as dt
import random

__all__ = ["PASSWORD_MARK", "STYLES", "french_export"]

PASSWORD_MARK = "Mdp!"  # every password cell starts with it: a test checks it never comes out
STYLES = 8
_FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_FR_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
_FR_SHORT = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_ZH_DAYS = "一二三四五六日"
_FIRST = ("Marie", "Jean", "Léa", "Hugo", "Chloé", "Lucas", "Inès", "Théo", "Zoé", "Noé", "Anaïs", "Éloïse")
_LAST = ("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Roux", "Faure", "N'Diaye")
_SERVICES = ("Ventes", "Support", "Marketing", "Direction", "Avant-vente")
_EXCEL_ZERO = dt.date(1899, 12, 30)


def written(day: dt.date, style: int, rng: random.Random) -> str:
    """`day` as one of the eight styles writes it."""
    if style == 0:
        return f"{day.day:02}/{day.month:02}/{day.year}"
    if style == 1:
        return f"{day.day:02}/{day.month:02}/{day.year % 100:02}"
    if style == 2:
        first = "1er" if day.day == 1 else str(day.day)
        text = f"{_FR_DAYS[day.weekday()]} {first} {_FR_MONTHS[day.month - 1]} {day.year}"
        return text.replace(" ", "\u00a0") if rng.random() < 0.3 else text
    if style == 3:
        return f"{_EN_DAYS[day.weekday()]}, {_EN_MONTHS[day.month - 1]} {day.day}, {day.year}"
    if style == 4:
        month = _FR_SHORT[day.month - 1]
        month = month.rstrip(".") if rng.random() < 0.3 else month
        return f"{day.day}-{month.upper() if rng.random() < 0.2 else month}-{day.year % 100:02}"
    if style == 5:
        return str((day - _EXCEL_ZERO).days)
    if style == 6:
        return f"{day.isoformat()} {rng.randrange(8, 18):02}:{rng.randrange(60):02}:00"
    weekday = _ZH_DAYS[day.weekday()]
    return f"{day.year}年{day.month}月{day.day}日 " + (f"星期{weekday}" if rng.random() < 0.5 else f"（週{weekday}）")


def french_export(today: dt.date, people: int = 202, seed: int = 22) -> tuple[bytes, dict[int, str]]:
    """The file's bytes, and spreadsheet row → the issue date that row holds (ISO)."""
    rng = random.Random(seed)
    lines = [
        "Nom d'affichage;ADRESSE E-MAIL;Mot de passe;Créé le;Connecté ?;Université des partenaires;Service;Téléphone"
    ]
    dates: dict[int, str] = {}
    addresses: list[str] = []
    for index in range(people):
        day = today - dt.timedelta(days=rng.randrange(0, 150))
        first, last = _FIRST[index % len(_FIRST)], _LAST[(index // len(_FIRST)) % len(_LAST)]
        email = f"{first}.{last}{index}@contoso.fr".lower()
        if index in (57, 140):  # two duplicates, in capitals as another export wrote them
            email = addresses[0].upper() if index == 57 else addresses[3]
        cell = written(day, index % STYLES, rng)
        signed = rng.choice(("VRAI", "FAUX"))
        connected = "VRAI" if signed == "VRAI" and rng.random() < 0.6 else "FAUX"
        phone = f"+33 6 {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}"
        password = f"{PASSWORD_MARK}{rng.randrange(10**6):06}Xy"
        name = f"{first} {last}"
        lines.append(f"{name};{email};{password};{cell};{signed};{connected};{rng.choice(_SERVICES)};{phone}")
        dates[len(lines)] = day.isoformat()  # the header is row 1: this row's number
        addresses.append(email)
        if index % 45 == 44:
            lines.append(";;;;;;;")  # an empty row, as Excel writes one
        if index % 70 == 69:
            lines.append("")
    text = "\r\n".join(lines) + "\r\n"
    return b"\xef\xbb\xbf" + text.encode("utf-8"), dates
