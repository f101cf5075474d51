"""The background lane's gate follows the window's event loop: closed while the application's
thread takes up an event, open while the loop waits for the next one."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEventLoop, QTimer

from explorer.model.background import BACKGROUND


def test_the_gate_closes_while_an_event_is_handled_and_opens_while_the_loop_waits(window):
    gate = BACKGROUND.gate  # a window lends the lane its idle time
    assert gate is not None
    seen_while_handling = []
    seen_while_waiting = []
    loop = QEventLoop()
    watched = threading.Event()

    def look_from_another_thread():
        # the loop below has next to nothing to do for 300 ms: it waits, the gate open (looked
        # at a few times, in case a stray event is being handled at one of those moments)
        watched.wait(5)
        pause = threading.Event()
        for _ in range(20):
            pause.wait(0.005)
            seen_while_waiting.append(gate.is_open)

    def handled():
        seen_while_handling.append(gate.is_open)
        watched.set()

    looker = threading.Thread(target=look_from_another_thread)
    looker.start()
    QTimer.singleShot(0, handled)
    QTimer.singleShot(300, loop.quit)
    loop.exec()
    looker.join(5)
    assert seen_while_handling == [False]
    assert len(seen_while_waiting) == 20 and any(seen_while_waiting)
