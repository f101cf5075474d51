"""A hint above the timeline the first time the explorer starts: how to move around, where
the guide is. Dismissed once, it stays away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow

HINT = "firstRun"


class FirstRunHint(QFrame):
    """"New here?": the gestures that matter, and buttons for the guide and to dismiss."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("firstRunHint")
        self.setAccessibleName("Getting started")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        base = palette.color(palette.ColorRole.Window)
        # A cool tint of the window's colour, apart from the warm problem banner.
        tint = palette.color(palette.ColorRole.Highlight)
        tint.setHsv(tint.hue(), 40 if base.lightness() >= 128 else 90, base.value())
        palette.setColor(palette.ColorRole.Window, tint)
        self.setPalette(palette)
        self._window = window
        guide = window.help.guide_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.text = QLabel(
            "<b>New here?</b> Scroll to zoom and drag to pan the timeline; click an event to "
            "read it in Event Details, or an organization or country in a pane to mark its "
            "events. Filter with the bar above; Esc clears. "
            f"Help &gt; User Guide ({guide}) explains the rest.")
        self.text.setObjectName("firstRunText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.guide_button = QPushButton("Open the &Guide")
        self.guide_button.setObjectName("firstRunGuide")
        self.guide_button.clicked.connect(window.help.guide_action.trigger)
        self.dismiss_button = QPushButton("&Dismiss")
        self.dismiss_button.setObjectName("firstRunDismiss")
        self.dismiss_button.setToolTip("Do not show this hint again")
        self.dismiss_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.guide_button)
        layout.addWidget(self.dismiss_button)
        self.setVisible(not window.settings.hint_dismissed(HINT))

    def dismiss(self) -> None:
        """Hide the hint for good."""
        self._window.settings.dismiss_hint(HINT)
        self._window.settings.sync()
        self.hide()


def install_first_run_hint(window: MainWindow) -> FirstRunHint:
    """Put the hint above the timeline (shown only until it is dismissed)."""
    hint = FirstRunHint(window)
    window.add_above_view(hint)
    return hint
