"""The background lane works while the window's event loop waits (`model.background`): its
gate closes on every event the application's thread takes up (a timer, a queued signal, a
paint, a key) and opens when the loop goes back to waiting for events."""

from __future__ import annotations

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QEvent, QObject, Qt

from explorer.model.background import BACKGROUND, Gate


class _Closer(QObject):
    """An application-wide event filter that closes the gate and filters nothing. (The
    dispatcher's `awake` does not do: it is not emitted between the wait and the timers and
    sockets it ends with.)"""

    def __init__(self, gate: Gate, parent: QObject) -> None:
        super().__init__(parent)
        self._close = gate.close

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self._close()
        return False


def lend_idle_time() -> None:
    """Gate the background lane by the event loop of the application's thread (once per
    process; nothing without an application)."""
    app = QCoreApplication.instance()
    if BACKGROUND.gate is not None or app is None:
        return
    dispatcher = QAbstractEventDispatcher.instance(app.thread())
    if dispatcher is None:
        return
    gate = Gate()
    app.installEventFilter(_Closer(gate, app))
    dispatcher.aboutToBlock.connect(gate.open, Qt.ConnectionType.DirectConnection)
    BACKGROUND.gate = gate
