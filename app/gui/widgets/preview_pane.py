"""The live preview: the document as HTML laid out like the A4 page, kept at its scroll position."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser, QWidget


class PreviewPane(QTextBrowser):
    """Shows the HTML the editing controller builds in the render thread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setStyleSheet("QTextBrowser { background: white; color: black; }")
        self.document().setDocumentMargin(36)
        self.html = ""

    def show_html(self, html: str) -> None:
        """Replace the content, keeping the reader where they were."""
        if html == self.html:
            return
        bar = self.verticalScrollBar()
        position = bar.value()
        self.html = html
        self.setHtml(html)
        bar.setValue(position)
