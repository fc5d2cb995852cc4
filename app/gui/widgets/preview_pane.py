"""The live preview: the document as HTML laid out like the A4 page, following the section being edited, zoomable."""

from __future__ import annotations

import re
import threading

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut, QTextDocument, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QTextBrowser, QTextEdit, QToolButton, QWidget

from app.gui import ui_state
from app.i18n import _

# The text column of an A4 page with the Party margins (210 − 30 − 15 mm) at 96 dpi, so that lines
# break about where they break in Word.
TEXT_WIDTH_MM = 165
PX_PER_MM = 96 / 25.4
DOCUMENT_MARGIN_PX = 24
# The zoom steps, in per cent of the page's real size.
ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200)
# Every length the preview's HTML gives (app/render/html.py writes them in pt and px).
_LENGTH = re.compile(r"(font-size|margin-top|margin-bottom|margin-left|text-indent|line-height):([0-9.]+)(pt|px)")


def section_anchor(key: str) -> str:
    """The anchor the preview's HTML puts before the section with outline key key (see app/render/html.py)."""
    return f"section-{key}"


def zoomed(html: str, percent: int) -> str:
    """html with every font size, margin, indent and line height in its styles scaled to percent."""
    if percent == 100:
        return html
    factor = percent / 100
    return _LENGTH.sub(lambda m: f"{m[1]}:{float(m[2]) * factor:.4g}{m[3]}", html)


class PreviewPane(QTextBrowser):
    """Shows the HTML the editing controller builds in the render thread, one page column wide.

    show_section(key) scrolls to a section; Ctrl++ / Ctrl+- / Ctrl+0 and the buttons in the corner zoom,
    and the zoom is remembered (ui_state.PREVIEW_ZOOM).

    Parsing the HTML of a big report takes the GUI thread ~25 ms (the 10× demo); prepare(html), called in the
    thread that built the HTML, parses it there into a document that show_html(html) then only swaps in.

    Signals:
        zoom_changed(int): the new zoom in per cent.
    """

    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setStyleSheet("QTextBrowser { background: white; color: black; }")
        self.page_width_px = 0
        self.text_width_mm: float = TEXT_WIDTH_MM
        self.html = ""
        self.section_key = ""
        # The document prepare() parsed in another thread, for the html and zoom it was made for.
        self._prepared_lock = threading.Lock()
        self._prepared: tuple[str, int, QTextDocument] | None = None
        self._document: QTextDocument | None = None  # the swapped-in document, kept alive while shown
        self._font = QFont(self.font())
        self._text_width = -1.0  # the width the pane lays its document out at, for prepare()
        self._text_option = QTextOption(self.document().defaultTextOption())
        self.zoom = ui_state.get(ui_state.PREVIEW_ZOOM)
        if self.zoom not in ZOOM_STEPS:
            self.zoom = 100
        self._make_zoom_controls()
        self._apply_zoom_to_page()

    def _make_zoom_controls(self) -> None:
        # A child of the pane in a strip above the page, not of the viewport: the viewport's children move when
        # it scrolls, and over the page the buttons would hide its text.
        self.zoom_bar = QWidget(self, objectName="preview_zoom")
        self.zoom_out_button = QToolButton(text="−")
        self.zoom_out_button.setToolTip(_("Zoom out (Ctrl+-)"))
        self.zoom_reset_button = QToolButton()
        self.zoom_reset_button.setToolTip(_("Actual size (Ctrl+0)"))
        self.zoom_in_button = QToolButton(text="+")
        self.zoom_in_button.setToolTip(_("Zoom in (Ctrl++)"))
        row = QHBoxLayout(self.zoom_bar)
        row.setContentsMargins(2, 2, 2, 2)
        row.setSpacing(2)
        for button in (self.zoom_out_button, self.zoom_reset_button, self.zoom_in_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(button)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_reset_button.clicked.connect(self.zoom_reset)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (("Ctrl++", self.zoom_in), ("Ctrl+=", self.zoom_in), ("Ctrl+-", self.zoom_out),
                           ("Ctrl+0", self.zoom_reset)):
            QShortcut(QKeySequence(keys), self, slot, context=context)
        self._show_zoom()
        self.setViewportMargins(0, self.zoom_bar.sizeHint().height() + 2, 0, 0)
        # A report is always longer than the pane: a fixed scroll bar keeps the buttons from jumping beside it.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)

    # -- zoom -----------------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom), ZOOM_STEPS[0]))

    def zoom_reset(self) -> None:
        self.set_zoom(100)

    def set_zoom(self, percent: int) -> None:
        """Show the page at percent of its size, keeping the same place in view; remembered for next time."""
        if percent == self.zoom:
            return
        self.zoom = percent
        ui_state.put(ui_state.PREVIEW_ZOOM, percent)
        self._apply_zoom_to_page()
        self._replace(self.html, same_share=True)
        self._show_zoom()
        self.zoom_changed.emit(percent)

    def _show_zoom(self) -> None:
        self.zoom_reset_button.setText(f"{self.zoom}%")
        self.zoom_out_button.setEnabled(self.zoom > ZOOM_STEPS[0])
        self.zoom_in_button.setEnabled(self.zoom < ZOOM_STEPS[-1])
        self.zoom_bar.adjustSize()
        self._place_zoom_bar()

    def _apply_zoom_to_page(self) -> None:
        self.document().setDocumentMargin(DOCUMENT_MARGIN_PX * self.zoom / 100)
        self.set_text_width_mm(self.text_width_mm)

    # -- page width -----------------------------------------------------------------------------

    def set_text_width_mm(self, millimetres: float) -> None:
        """Wrap lines at the width of the page's text column (the document margins come on top)."""
        self.text_width_mm = millimetres
        self.page_width_px = round(millimetres * PX_PER_MM * self.zoom / 100 + 2 * self.document().documentMargin())
        self._fit()

    def _fit(self) -> None:
        # The page column when the pane is wide enough; the pane's width otherwise (never cut off).
        if self.viewport().width() >= self.page_width_px:
            self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
            self.setLineWrapColumnOrWidth(self.page_width_px)
        else:
            self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self._text_width = self.document().textWidth()

    def _place_zoom_bar(self) -> None:
        bar, inside, page = self.zoom_bar, self.contentsRect(), self.viewport().geometry()
        bar.move(max(inside.left(), page.right() - bar.width()), inside.top() + 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
        self._place_zoom_bar()

    # -- content --------------------------------------------------------------------------------

    def show_html(self, html: str) -> None:
        """Replace the content, keeping the reader where they were.

        It goes to the chosen section the first time, and when that section was not printed before (it had no
        text yet) and now is: she starts writing an empty section and the preview comes to it.
        """
        if html == self.html:
            return
        was_there = self._has_section(self.html)
        self._replace(html)
        if self.section_key and not was_there and self._has_section(html):
            self.scrollToAnchor(section_anchor(self.section_key))

    def _has_section(self, html: str) -> bool:
        return bool(self.section_key) and f'"{section_anchor(self.section_key)}"' in html

    def prepare(self, html: str) -> None:
        """Parse html, at the current zoom, into the document show_html(html) will show. Any thread may call it.

        The document is made in the calling thread and handed to the GUI thread (Qt's text classes are
        reentrant: one thread at a time may use a document). Only the newest prepared document is kept.
        """
        zoom, margin, width = self.zoom, DOCUMENT_MARGIN_PX * self.zoom / 100, self._text_width
        document = QTextDocument()
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(self._font)
        document.setDefaultTextOption(self._text_option)  # a different one would make the pane lay it out again
        document.setDocumentMargin(margin)
        document.setHtml(zoomed(html, zoom))
        # At the width the pane shows: the pane's scroll bars never see the width of a page with no wrapping.
        document.setTextWidth(width)
        application = QCoreApplication.instance()
        assert application is not None, "the preview is rendered only while the application runs"
        document.moveToThread(application.thread())
        with self._prepared_lock:
            self._prepared = (html, zoom, document)

    def _take_prepared(self, html: str) -> QTextDocument | None:
        with self._prepared_lock:
            prepared, self._prepared = self._prepared, None
        if prepared is not None and prepared[0] == html and prepared[1] == self.zoom:
            return prepared[2]
        return None

    def _replace(self, html: str, same_share: bool = False) -> None:
        # After an edit the same pixel stays on top; after a zoom, the same share of the document.
        bar = self.verticalScrollBar()
        position, maximum = bar.value(), bar.maximum()
        self.html = html
        document = self._take_prepared(html)
        if document is not None:
            self.setDocument(document)
            self._document = document  # the one shown before it is released now
        else:
            self.setHtml(zoomed(html, self.zoom))
        # The pane lays a new document out again on the GUI thread (~30 ms for the 10× demo), in slices on a
        # timer if left to itself. Done here, the time show_html takes is the whole cost, which the editing
        # controller uses to hold the preview back while she types.
        self.document().size()
        self._text_width = self.document().textWidth()
        bar.setValue(round(position / maximum * bar.maximum()) if same_share and maximum else position)

    def show_section(self, key: str) -> None:
        """Scroll so that the section with outline key key starts at the top (a section left out: no move)."""
        self.section_key = key
        if self.html:
            self.scrollToAnchor(section_anchor(key))
