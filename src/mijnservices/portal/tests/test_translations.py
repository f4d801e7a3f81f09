"""Dutch is the default; every portal string has a Dutch translation; English on request."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import Client
from django.utils.translation.template import templatize

from mijnservices.portal.management.commands.compile_translations import (
    PACKAGE_DIR,
    compile_po,
    po_files,
)

PORTAL_DIR = PACKAGE_DIR / "portal"
# The display helpers the portal shares with the employee pages speak to citizens too, and so
# does the demo login section on the portal's login page.
UI_DIR = PACKAGE_DIR / "ui"
DEMO_LOGIN_MODULES = [PACKAGE_DIR / "demo" / "forms.py", PACKAGE_DIR / "demo" / "login.py"]
DUTCH_PO = PACKAGE_DIR / "locale" / "nl" / "LC_MESSAGES" / "django.po"
TEMPLATES = sorted(
    [
        *(PORTAL_DIR / "templates").rglob("*.html"),
        PACKAGE_DIR / "demo" / "templates" / "demo" / "_login.html",
    ]
)
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}


def _template_msgids(path: Path) -> set[str]:
    python_ish = templatize(path.read_text(), origin=str(path))
    return {
        ast.literal_eval(match.group(1))
        for match in re.finditer(r"gettext\((u'(?:[^'\\]|\\.)*')\)", python_ish)
    }


def _python_msgids(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in GETTEXT_NAMES
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def _portal_msgids() -> set[str]:
    ids: set[str] = set()
    for template in TEMPLATES:
        ids |= _template_msgids(template)
    for module in (*PORTAL_DIR.rglob("*.py"), *UI_DIR.rglob("*.py"), *DEMO_LOGIN_MODULES):
        if "tests" not in module.parts:
            ids |= _python_msgids(module)
    return ids


def test_every_msgid_in_the_dutch_catalogue_has_a_dutch_translation():
    catalogue = polib.pofile(str(DUTCH_PO))
    untranslated = [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete
        and (entry.fuzzy or not (entry.msgstr or all(entry.msgstr_plural.values())))
    ]
    assert untranslated == []
    assert catalogue.metadata["Language"] == "nl"


def test_every_portal_string_is_in_the_dutch_catalogue():
    translated = {entry.msgid for entry in polib.pofile(str(DUTCH_PO)) if entry.msgstr}
    found = _portal_msgids()
    assert len(found) > 40  # the extraction itself works
    assert sorted(found - translated) == []


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_have_no_text_outside_translation_tags(template: Path):
    source = re.sub(r"{#.*?#}", "", template.read_text(), flags=re.S)
    source = re.sub(r"{% blocktrans.*?{% endblocktrans\w* %}", "", source, flags=re.S)
    source = re.sub(r"{%.*?%}|{{.*?}}", "", source, flags=re.S)
    labelled = re.findall(r'(?:aria-label|alt|title|placeholder)="([^"]*[A-Za-z][^"]*)"', source)
    assert labelled == [], "attribute text must be translated"
    text = re.sub(r"<[^>]+>", " ", source)
    leftover = re.findall(r"[A-Za-z]{2,}", text)
    assert leftover == [], f"untranslated text in {template.name}"


def test_compile_translations_writes_a_catalogue_django_can_read(tmp_path: Path):
    po = tmp_path / "django.po"
    po.write_text(DUTCH_PO.read_text())
    mo = compile_po(po)
    assert {e.msgid: e.msgstr for e in polib.mofile(str(mo))}["My cases"] == "Mijn zaken"


def test_compile_translations_command_compiles_every_catalogue(capsys):
    call_command("compile_translations")
    output = capsys.readouterr().out
    for po in po_files():
        assert str(po.with_suffix(".mo").relative_to(PACKAGE_DIR)) in output


@pytest.mark.django_db
def test_the_dutch_page_shows_dutch_headings(client: Client, settings):
    settings.DEMO_MODE = True
    page = client.get("/inloggen/").content.decode()
    assert '<html lang="nl"' in page
    assert '<h1 class="utrecht-heading-1">Inloggen</h1>' in page
    assert "Inloggen met DigiD of eHerkenning" in page
    assert "Direct naar de inhoud" in page


@pytest.mark.django_db
def test_the_english_page_shows_english_headings(client: Client, settings):
    settings.DEMO_MODE = True
    page = client.get("/inloggen/", headers={"accept-language": "en"}).content.decode()
    assert '<html lang="en"' in page
    assert '<h1 class="utrecht-heading-1">Log in</h1>' in page
    assert "Demo login — only for demonstration, not a real DigiD" in page
    assert "WOZ objection and noise subsidy" in page  # persona descriptions follow too


@pytest.mark.django_db
def test_the_language_switch_changes_the_language_and_returns_to_the_page(login_as):
    client = login_as("999993653", name="Suzanne Jansen")
    page = client.get("/mijn-zaken/").content.decode()
    assert "Lopende zaken" in page
    assert 'name="language" value="en"' in page

    response = client.post("/taal/", {"language": "en", "next": "/mijn-zaken/"}, follow=True)

    assert response.redirect_chain[-1][0] == "/mijn-zaken/"
    english = response.content.decode()
    assert "Ongoing cases" in english
    assert "Welcome Suzanne Jansen" in english
    assert 'name="language" value="nl"' in english
