"""Paints the queue's rows: a slim header per group and a compact card per draft (no widgets)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from storage.drafts_queue import QueueItem
from storage.timestamps import from_iso
from ui.review.model import GroupHeader, ItemRole, ReviewQueueModel, day_label

HEADER_HEIGHT = 34
CARD_HEIGHT = 106
PAD = 10

SEVERITY_COLOURS = {"block": QColor("#c62828"), "warn": QColor("#e08a00"), "info": QColor("#5f7d95")}
STATUS_TEXT = {"approved": "Approved", "skipped": "Skipped", "dropped": "Never again",
               "snoozed": "Snoozed", "sent": "Sent", "failed": "Failed"}
OCCASION_LABELS = {
    "birthday": "Birthday", "birthday_belated": "Belated birthday", "anniversary": "Anniversary",
    "restock": "Back in stock", "restock_still_interested": "Still interested?",
    "stamp_reward": "Stamp card", "points_reward": "Points reward", "winback": "We miss you",
}


def occasion_label(occasion: str) -> str:
    return OCCASION_LABELS.get(occasion, occasion.replace("_", " ").capitalize())


def local_time_text(iso: str | None, zone: dt.tzinfo, today: dt.date) -> str:
    """``today 14:05``, ``Thu 12 Mar 09:00``."""
    if not iso:
        return ""
    moment = from_iso(iso).astimezone(zone)
    if moment.date() == today:
        return f"today {moment:%H:%M}"
    if moment.date() == today + dt.timedelta(days=1):
        return f"tomorrow {moment:%H:%M}"
    return f"{moment:%a} {moment.day} {moment:%b %H:%M}"


def status_text(item: QueueItem, zone: dt.tzinfo, today: dt.date) -> str:
    if item.queue_status == "pending":
        return "Snoozed, back today" if item.status == "snoozed" else ""
    if item.queue_status == "approved":
        when = local_time_text(item.outbox_planned_at or item.planned_at, zone, today)
        return f"Approved · goes {when}" if when else "Approved"
    if item.queue_status == "snoozed" and item.snooze_until:
        return f"Snoozed to {dt.date.fromisoformat(item.snooze_until):%a %d %b}"
    if item.status == "dropped":
        return STATUS_TEXT["dropped"]
    return STATUS_TEXT.get(item.queue_status, item.queue_status)


def findings_line(item: QueueItem) -> tuple[str, QColor | None]:
    if item.checked_at is None:
        return "Checking…", QColor("#78909c")
    serious = [f for f in item.findings if f.get("severity") in ("block", "warn")]
    if not serious:
        return "✓ Nothing to fix", QColor("#2e7d32")
    first = serious[0]
    more = f"  (+{len(serious) - 1} more)" if len(serious) > 1 else ""
    mark = "✖" if first["severity"] == "block" else "⚠"
    return f"{mark} {first.get('message', first.get('code', ''))}{more}", SEVERITY_COLOURS[first["severity"]]


def consent_text(item: QueueItem) -> str:
    if item.do_not_contact:
        return "do not contact"
    return {"unknown": "consent unknown", "no": "said no to e-mail"}.get(item.email_consent, "")


def body_preview(body: str) -> str:
    """The message's first lines after the greeting, on one line."""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if len(lines) > 1 and len(lines[0]) < 40 and lines[0].endswith((",", "!")):
        lines = lines[1:]
    return " ".join(lines)


class DraftCardDelegate(QStyledItemDelegate):
    """Draws every row itself, so 500 drafts cost 500 small data objects and no widgets."""

    def __init__(self, model: ReviewQueueModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self.zone: dt.tzinfo = dt.UTC
        self.today = dt.date.today()
        self._font_key = ""
        self._fonts: tuple = ()
        self._elided: dict[tuple[str, int, bool], str] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 - Qt API
        # Called for every row whenever the view lays out: ask the model directly, no QVariant.
        header = self._model.is_header(index.row())
        return QSize(0, HEADER_HEIGHT if header else CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        row = index.data(ItemRole)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if isinstance(row, GroupHeader):
            self._paint_header(painter, option, row)
        elif isinstance(row, QueueItem):
            self._paint_card(painter, option, row)
        painter.restore()

    def _paint_header(self, painter: QPainter, option, header: GroupHeader) -> None:
        rect = option.rect.adjusted(PAD, 8, -PAD, -2)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#37474f"))
        text = f"{day_label(header.day, self.today)}  ·  {header.title}"
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(QColor("#78909c"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(header.count))

    def _metrics(self, font: QFont) -> tuple[QFont, QFont, QFontMetrics, QFontMetrics]:
        # Painting runs for every visible card on every repaint: build fonts and metrics once.
        key = font.key()
        if self._font_key != key:
            bold = QFont(font)
            bold.setBold(True)
            self._fonts = (QFont(font), bold, QFontMetrics(font), QFontMetrics(bold))
            self._font_key = key
            self._elided.clear()
        return self._fonts

    def _elide(self, metrics: QFontMetrics, text: str, width: int, bold: bool = False) -> str:
        key = (text, width, bold)
        elided = self._elided.get(key)
        if elided is None:
            if len(self._elided) > 5000:
                self._elided.clear()
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            self._elided[key] = elided
        return elided

    def _paint_card(self, painter: QPainter, option, item: QueueItem) -> None:
        palette = option.palette
        font, bold, metrics, bold_metrics = self._metrics(option.font)
        card = option.rect.adjusted(6, 3, -6, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        current = bool(option.state & QStyle.StateFlag.State_HasFocus)
        decided = item.queue_status != "pending"
        fill = palette.color(QPalette.ColorRole.Highlight).lighter(185) if selected else palette.color(QPalette.ColorRole.Base)
        edge = palette.color(QPalette.ColorRole.Highlight) if current else palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(edge, 2 if current else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(card, 7, 7)
        stripe = SEVERITY_COLOURS.get(item.worst_severity or "")
        if stripe is not None and item.worst_severity != "info":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(stripe)
            painter.drawRoundedRect(QRect(card.left() + 1, card.top() + 6, 4, card.height() - 12), 2, 2)

        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        text_colour = muted if decided else palette.color(QPalette.ColorRole.Text)
        left, width = card.left() + PAD + 4, card.width() - 2 * PAD - 4
        line = metrics.height() + 3
        baseline = card.top() + 6 + metrics.ascent()

        status = status_text(item, self.zone, self.today) or consent_text(item)
        status_width = metrics.horizontalAdvance(status) + 4 if status else 0
        painter.setFont(bold)
        painter.setPen(text_colour)
        name = f"{item.customer_name} · {occasion_label(item.occasion)}"
        painter.drawText(left, baseline, self._elide(bold_metrics, name, width - status_width - 8, True))
        painter.setFont(font)
        if status:
            painter.setPen(QColor("#2e7d32") if item.queue_status == "approved" else muted)
            painter.drawText(left + width - status_width + 4, baseline, status)

        note, colour = findings_line(item)
        lines = ((item.why, muted), (item.subject, text_colour), (body_preview(item.body_text), muted),
                 (note, muted if decided else colour))
        for n, (text, colour) in enumerate(lines, start=1):
            painter.setPen(colour)
            painter.drawText(left, baseline + n * line, self._elide(metrics, text, width))
