"""Timeline Explorer: the history of efforts against human trafficking on a zoomable timeline."""

__version__ = "0.1.0"
