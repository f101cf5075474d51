"""Files shipped with the explorer: the Blue Heart data set and icons."""
