"""Qt's own strings that the app shows, marked for pybabel so that app.po translates them.

Qt ships no Vietnamese catalog (there is no qtbase_vi.qm), so app/gui/qt_translator.py answers Qt's
tr() calls from the app's gettext catalog: msgctxt is the Qt class (the tr() context) and msgid the
exact English source text, "&" shortcut markers included. The list was recorded from Qt 6 by
installing a translator that logs what Qt asks for while it builds each widget; the texts can be
checked against any qtbase_*.qm.

Extraction needs the keyword QT_TRANSLATE_NOOP:1c,2 (see the Makefile's messages target).
Month and day names do not come from here: QCalendarWidget and QDateEdit take them from QLocale.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark text, Qt's source string in context, for extraction; return it unchanged."""
    return text


# Context (the Qt class whose tr() asks) → its source strings that the app can show.
QT_STRINGS: dict[str, tuple[str, ...]] = {
    # Standard buttons of QDialogButtonBox and QMessageBox (Windows and the offscreen/xcb default theme).
    "QPlatformTheme": (
        QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
        # Translators: "&" marks the Alt+letter shortcut; keep one, on a plain letter.
        QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
        QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    ),
    # The GNOME theme replaces some of them (Linux desktops only).
    "QGnomeTheme": (
        QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
        QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
        QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
        QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
        QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving"),
    ),
    # Right-click menu of one-line fields (QLineEdit).
    "QLineEdit": (
        QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
        QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
        QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
        QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
        QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
        QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
        QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    ),
    # Right-click menu of text areas (QPlainTextEdit, QTextEdit).
    "QWidgetTextControl": (
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
        QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    ),
    # Right-click menu of number and date fields (QSpinBox, QDateEdit), added to the QLineEdit one.
    "QAbstractSpinBox": (
        QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Select All"),
        QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up"),
        QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down"),
    ),
    # Message boxes, input and progress dialogs.
    "QMessageBox": (
        QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
        QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    ),
    "QInputDialog": (
        QT_TRANSLATE_NOOP("QInputDialog", "Enter a value:"),
    ),
    "QProgressDialog": (
        QT_TRANSLATE_NOOP("QProgressDialog", "Cancel"),
    ),
    # Undo and redo actions made by QUndoStack and QUndoGroup.
    "QUndoStack": (
        QT_TRANSLATE_NOOP("QUndoStack", "Undo"),
        QT_TRANSLATE_NOOP("QUndoStack", "Redo"),
        QT_TRANSLATE_NOOP("QUndoStack", "Undo %1"),
        QT_TRANSLATE_NOOP("QUndoStack", "Redo %1"),
    ),
    "QUndoGroup": (
        QT_TRANSLATE_NOOP("QUndoGroup", "Undo"),
        QT_TRANSLATE_NOOP("QUndoGroup", "Redo"),
        QT_TRANSLATE_NOOP("QUndoGroup", "Undo %1"),
        QT_TRANSLATE_NOOP("QUndoGroup", "Redo %1"),
    ),
    # Right-click menu of scroll bars.
    "QScrollBar": (
        QT_TRANSLATE_NOOP("QScrollBar", "Scroll here"),
        QT_TRANSLATE_NOOP("QScrollBar", "Top"),
        QT_TRANSLATE_NOOP("QScrollBar", "Bottom"),
        QT_TRANSLATE_NOOP("QScrollBar", "Page up"),
        QT_TRANSLATE_NOOP("QScrollBar", "Page down"),
        QT_TRANSLATE_NOOP("QScrollBar", "Scroll up"),
        QT_TRANSLATE_NOOP("QScrollBar", "Scroll down"),
        QT_TRANSLATE_NOOP("QScrollBar", "Left edge"),
        QT_TRANSLATE_NOOP("QScrollBar", "Right edge"),
        QT_TRANSLATE_NOOP("QScrollBar", "Page left"),
        QT_TRANSLATE_NOOP("QScrollBar", "Page right"),
        QT_TRANSLATE_NOOP("QScrollBar", "Scroll left"),
        QT_TRANSLATE_NOOP("QScrollBar", "Scroll right"),
    ),
    # Tab bars and dock widgets.
    "QTabBar": (
        QT_TRANSLATE_NOOP("QTabBar", "Scroll Left"),
        QT_TRANSLATE_NOOP("QTabBar", "Scroll Right"),
    ),
    "CloseButton": (
        QT_TRANSLATE_NOOP("CloseButton", "Close Tab"),
    ),
    "QDockWidget": (
        QT_TRANSLATE_NOOP("QDockWidget", "Float"),
        QT_TRANSLATE_NOOP("QDockWidget", "Undocks and re-attaches the dock widget"),
        QT_TRANSLATE_NOOP("QDockWidget", "Close"),
        QT_TRANSLATE_NOOP("QDockWidget", "Closes the dock widget"),
    ),
    # Qt's own file dialog (used when the native one is not, e.g. on Linux or with DontUseNativeDialog).
    "QFileDialog": (
        QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
        QT_TRANSLATE_NOOP("QFileDialog", "Back"),
        QT_TRANSLATE_NOOP("QFileDialog", "Go back"),
        QT_TRANSLATE_NOOP("QFileDialog", "Forward"),
        QT_TRANSLATE_NOOP("QFileDialog", "Go forward"),
        QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory"),
        QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory"),
        QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder"),
        QT_TRANSLATE_NOOP("QFileDialog", "Create a New Folder"),
        QT_TRANSLATE_NOOP("QFileDialog", "List View"),
        QT_TRANSLATE_NOOP("QFileDialog", "Change to list view mode"),
        QT_TRANSLATE_NOOP("QFileDialog", "Detail View"),
        QT_TRANSLATE_NOOP("QFileDialog", "Change to detail view mode"),
        QT_TRANSLATE_NOOP("QFileDialog", "Sidebar"),
        QT_TRANSLATE_NOOP("QFileDialog", "List of places and bookmarks"),
        QT_TRANSLATE_NOOP("QFileDialog", "Files"),
        QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
        QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
        QT_TRANSLATE_NOOP("QFileDialog", "Directory:"),
        QT_TRANSLATE_NOOP("QFileDialog", "Directories"),
        QT_TRANSLATE_NOOP("QFileDialog", "Find Directory"),
        QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
        QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
        QT_TRANSLATE_NOOP("QFileDialog", "&Choose"),
        QT_TRANSLATE_NOOP("QFileDialog", "Open"),
        QT_TRANSLATE_NOOP("QFileDialog", "Save As"),
        QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
        QT_TRANSLATE_NOOP("QFileDialog", "All files (*)"),
        QT_TRANSLATE_NOOP("QFileDialog", "Recent Places"),
        QT_TRANSLATE_NOOP("QFileDialog", "Show "),
        QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files"),
        QT_TRANSLATE_NOOP("QFileDialog", "&Rename"),
        QT_TRANSLATE_NOOP("QFileDialog", "&Delete"),
        QT_TRANSLATE_NOOP("QFileDialog", "Delete"),
        QT_TRANSLATE_NOOP("QFileDialog", "&New Folder"),
        QT_TRANSLATE_NOOP("QFileDialog", "New Folder"),
        QT_TRANSLATE_NOOP("QFileDialog", "Remove"),
        QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
        QT_TRANSLATE_NOOP("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."),
        QT_TRANSLATE_NOOP("QFileDialog",
                          "%1\nDirectory not found.\nPlease verify the correct directory name was given."),
        QT_TRANSLATE_NOOP("QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?"),
        QT_TRANSLATE_NOOP("QFileDialog", "Are you sure you want to delete '%1'?"),
        QT_TRANSLATE_NOOP("QFileDialog", "Could not delete directory."),
    ),
    "QFileSystemModel": (
        QT_TRANSLATE_NOOP("QFileSystemModel", "Name"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "Type"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "Kind"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "Computer"),
        QT_TRANSLATE_NOOP("QFileSystemModel", "My Computer"),
    ),
    "QAbstractFileIconProvider": (
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
        QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
    ),
}


def qt_strings() -> list[tuple[str, str]]:
    """Every (context, source text) pair of QT_STRINGS, in order."""
    return [(context, text) for context, texts in QT_STRINGS.items() for text in texts]
