"""The Templates page: list, live preview on a real customer, line-marked errors, save, reset."""

from __future__ import annotations

import pytest

from desktop_app.template_defaults import ensure_templates
from storage import templates
from tests.desktop_app.shop_builder import add_customer
from tests.ui.occasion_context import close_context, make_context
from ui.templates_page import TemplatesPage


@pytest.fixture
def ctx(data_dir):
    context = make_context(data_dir)
    add_customer(context.db, first_name="Maria", display_name="Maria Lopez", email="maria@example.com")
    yield context
    close_context(context)


@pytest.fixture
def make_page(qtbot, ctx):
    made = []

    def make() -> TemplatesPage:
        page = TemplatesPage(ctx)
        qtbot.addWidget(page)
        made.append(page)
        return page

    yield make
    # Stop the debounced preview before the store closes (fixture teardown order).
    for page in made:
        page.stop()


def test_first_run_copies_defaults_and_lists_them(qtbot, ctx, make_page):
    page = make_page()
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 8)
    assert page.tree.topLevelItem(0).childCount() == 4
    assert page.current.occasion == "birthday" and page.current.language == "de"
    assert "Geburtstag" in page.subject.text()
    assert page.fields.count() > 8


def test_live_preview_on_a_real_customer(qtbot, ctx, make_page):
    ensure_templates(ctx.db)
    page = make_page()
    page.select("birthday", "en")
    qtbot.keyClicks(page.preview_customer, "maria")
    page.preview_customer.resolve()
    page.update_preview()
    assert page.preview.toPlainText().startswith("Subject: Happy birthday, Maria!")
    page.subject.setText("Cheers {{ customer.first_name }}")
    page.subject.textEdited.emit("x")
    qtbot.waitUntil(lambda: page.preview.toPlainText().startswith("Subject: Cheers Maria"))


def test_errors_are_marked_at_their_line_and_block_saving(qtbot, ctx, make_page):
    ensure_templates(ctx.db)
    page = make_page()
    page.select("restock", "en")
    before = templates.find(ctx.db, "restock", "en")
    page.body.setPlainText("Hi\n{{ customer.nickname }}\nBye")
    page.save()
    assert page.status.text() == "Not saved: fix the problems shown first."
    assert "line 2: unknown field customer.nickname" in page.problems.text()
    [marked] = page.body.extraSelections()
    assert marked.cursor.block().blockNumber() == 1
    assert templates.find(ctx.db, "restock", "en") == before
    page.body.setPlainText("Hi\n{% if customer.first_name %}\nBye")
    page.update_preview()
    assert page.body.extraSelections()[0].cursor.block().blockNumber() == 1


def test_save_then_reset_to_default(qtbot, ctx, make_page):
    ensure_templates(ctx.db)
    page = make_page()
    page.select("winback", "fr")
    original = templates.find(ctx.db, "winback", "fr")
    page.body.setPlainText("Bonjour {{ customer | first_name('à vous') }} !")
    assert page.dirty
    page.save()
    qtbot.waitUntil(lambda: page.status.text() == "Saved.")
    saved = templates.find(ctx.db, "winback", "fr")
    assert saved.edited and saved.body_text.startswith("Bonjour {{")
    page.reset_default()
    qtbot.waitUntil(lambda: page.status.text() == "The shipped wording is back.")
    assert templates.find(ctx.db, "winback", "fr").body_text == original.body_text
    assert page.body.toPlainText() == original.body_text


def test_switching_away_with_unsaved_edits_is_refused(qtbot, ctx, make_page):
    ensure_templates(ctx.db)
    page = make_page()
    page.select("birthday", "en")
    page.body.setPlainText("changed")
    page.select("winback", "en")
    assert page.current.occasion == "birthday"
    assert page.status.text() == "Save or revert your changes first."
    page.revert()
    page.select("winback", "en")
    assert page.current.occasion == "winback"
