"""The customer card's extra tabs: visits and requests, and what was sent to the customer."""

from __future__ import annotations

from storage import customers
from storage.timestamps import utc_now_iso
from tests.ui.occasion_context import close_context, make_context
from ui.customers.page import CustomersPage


def test_card_tabs_show_visits_and_sent_history(qtbot, data_dir):
    ctx = make_context(data_dir)
    try:
        with ctx.db.atomic():
            cid = customers.insert(ctx.db, {"first_name": "Ines", "email": "ines@example.com"})
            now = utc_now_iso()
            ctx.db.execute(
                "INSERT INTO visits (customer_id, at, amount, points) VALUES (?, ?, 12.5, 12)",
                [cid, now])
            ctx.db.execute(
                "INSERT INTO outbox (customer_id, occasion, to_addr, subject, body_text, state, "
                "planned_at, sent_at, created_at, updated_at) VALUES "
                "(?, 'birthday', 'ines@example.com', 'Happy birthday, Ines', 'Hi', 'sent', ?, ?, ?, ?)",
                [cid, now, now, now, now])
        page = CustomersPage(ctx)
        qtbot.addWidget(page)
        page.start()
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
        page.table.setCurrentIndex(page.model.index(0, 0))
        assert page.card.customer_id == cid
        page.card.setCurrentIndex(1)
        assert "1 visit" in page.card.occasions.summary.text()
        page.card.setCurrentIndex(2)
        texts = [page.card.history.list.item(i).text() for i in range(page.card.history.list.count())]
        assert len(texts) == 1 and "Happy birthday, Ines" in texts[0] and "Sent" in texts[0]
    finally:
        close_context(ctx)
