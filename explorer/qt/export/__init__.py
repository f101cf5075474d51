"""Images of the timeline: PNG, SVG and PDF from the same scenes and paint routine as the
widget (`render`), the sheet around them (title, legend, caption, footer), safe writing of
files, the dialog, and a Qt application for exporting without a display (`headless`)."""
