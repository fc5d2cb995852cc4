"""The live preview: the document as HTML laid out like the A4 page, kept at its scroll position."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

# The text column of an A4 page with the Party margins (210 − 30 − 15 mm) at 96 dpi, so that lines
# break about where they break in Word.
TEXT_WIDTH_MM = 165
PX_PER_MM = 96 / 25.4


class PreviewPane(QTextBrowser):
    """Shows the HTML the editing controller builds in the render thread, one page column wide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setStyleSheet("QTextBrowser { background: white; color: black; }")
        self.document().setDocumentMargin(24)
        self.page_width_px = 0
        self.set_text_width_mm(TEXT_WIDTH_MM)
        self.html = ""

    def set_text_width_mm(self, millimetres: float) -> None:
        """Wrap lines at the width of the page's text column (the document margins come on top)."""
        self.page_width_px = round(millimetres * PX_PER_MM + 2 * self.document().documentMargin())
        self._fit()

    def _fit(self) -> None:
        # The page column when the pane is wide enough; the pane's width otherwise (never cut off).
        if self.viewport().width() >= self.page_width_px:
            self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
            self.setLineWrapColumnOrWidth(self.page_width_px)
        else:
            self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def show_html(self, html: str) -> None:
        """Replace the content, keeping the reader where they were."""
        if html == self.html:
            return
        bar = self.verticalScrollBar()
        position = bar.value()
        self.html = html
        self.setHtml(html)
        bar.setValue(position)
