"""Importers of other tools' timeline and membership files: each reads one format into format
v1 text (`registry` knows them all), with a report of what was kept, converted and dropped."""
