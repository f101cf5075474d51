"""The data model: dates, entities, the loader and queries. Pure Python; never imports Qt."""
