"""The Japanese catalogs are complete and keep what the build needs: every message translated and none fuzzy;
every MyST role, link target, inline code and maths of a message kept in its translation (a glued figure, a
citation or a cross-reference that a translation drops would vanish from the Japanese page); and every glossary
term a message uses translated as the glossary translates it (one term, one translation)."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from conftest import ROOT
from widgets.core.data import load_table

CATALOGS = ROOT / "locales" / "ja" / "LC_MESSAGES"
PO_FILES = sorted(CATALOGS.rglob("*.po"))
ROLE = re.compile(r"\{[a-z:]+\}`[^`]*`")
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
CODE = re.compile(r"(?<!\})`[^`]+`")
#: Inline maths: $…$ where neither dollar is escaped (US\$ is a currency, not a delimiter).
MATH = re.compile(r"(?<!\\)\$(?:[^$\\]|\\[^$])+(?<!\\)\$")


def messages(path: Path):
    with path.open("rb") as handle:
        return [m for m in read_po(handle, locale="ja") if m.id]


def kept_parts(text: str) -> Counter:
    """What a translation must carry over unchanged: roles, link targets, inline code, inline maths."""
    without_roles = ROLE.sub(" ", text)
    return Counter(ROLE.findall(text) + LINK_TARGET.findall(text) + CODE.findall(without_roles)
                   + MATH.findall(without_roles))


def glossary_forms() -> dict[str, list[str]]:
    """English glossary term → its Japanese forms (the term_ja cell, and its parts around brackets)."""
    forms = {}
    for row in load_table("glossary").itertuples():
        english = re.sub(r"\s*\(.*\)$", "", row.term_en).strip().lower()
        japanese = str(row.term_ja)
        parts = [p for p in re.split(r"[()（）/・]", japanese) if p.strip()]
        forms[english] = [japanese, *parts]
    return forms


def test_catalogs_exist_for_every_page():
    from conftest import toc_files
    missing = [name for name in toc_files() if not (CATALOGS / f"{name}.po").exists()]
    assert missing == [], "run make gettext"


@pytest.mark.parametrize("path", PO_FILES, ids=[p.stem for p in PO_FILES])
def test_every_message_is_translated_and_none_is_fuzzy(path):
    open_ = [m.id[:80] for m in messages(path) if not m.string or m.fuzzy]
    assert open_ == [], f"{len(open_)} messages of {path.name} untranslated or fuzzy"


@pytest.mark.parametrize("path", PO_FILES, ids=[p.stem for p in PO_FILES])
def test_translations_keep_roles_links_code_and_maths(path):
    broken = [(m.id[:100], sorted((kept_parts(m.id) - kept_parts(m.string)).elements()))
              for m in messages(path) if m.string and kept_parts(m.id) - kept_parts(m.string)]
    assert broken == []


@pytest.mark.parametrize("path", PO_FILES, ids=[p.stem for p in PO_FILES])
def test_glossary_terms_take_the_glossarys_translation(path):
    forms = glossary_forms()
    wrong = []
    for message in messages(path):
        if not message.string:
            continue
        plain = ROLE.sub(" ", message.id).lower()
        for english, japanese in forms.items():
            if re.search(rf"(?<![a-z-]){re.escape(english)}(?![a-z-])", plain) and \
                    not any(form in message.string for form in japanese):
                wrong.append((english, japanese[0], message.id[:80]))
    assert wrong == []


def test_the_checks_catch_a_dropped_role_and_a_wrong_term():
    assert kept_parts("at {glue:md}`eval_1:myst` Mt [x](a.md) `code`") - kept_parts("約 Mt [x](a.md)") == \
        Counter({"{glue:md}`eval_1:myst`": 1, "`code`": 1})
    assert not kept_parts("{cite:p}`k` $x$") - kept_parts("$x$ {cite:p}`k`")
