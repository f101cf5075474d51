"""The timeline view: the widget and its input handlers, its style, the one paint routine
for every target, and the overview band under it."""
