"""Reading timeline files into data sets: the format's one schema, the YAML and JSON readers,
the two validators (one that places every problem, one fast path for clean files), ids made
from titles, and the cache of checked data sets. `loader.load_dataset` is the way in."""
