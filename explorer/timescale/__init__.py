"""Pure geometry of the time axis: viewport, ticks, lanes, labels, aggregation, scene. No Qt."""
