"""Everything that imports PySide6: the window, the timeline widget, the painter, export."""
