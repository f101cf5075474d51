"""Data out: the events a filter keeps as a table (CSV, JSON), as format v1, or as TimelineJS
JSON (`formats.export_data`), each with a note of what the target format cannot hold."""
