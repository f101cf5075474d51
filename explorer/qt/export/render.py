"""Export the timeline of any range, at any size, as PNG, SVG or PDF.

The scenes come from `build_scene` with the same pure inputs as the widget's (see
`export_plan`), and `paint_timeline` draws them on a QImage, a QSvgGenerator or a QPdfWriter:
what you export is what you see. A PDF is tiled over several pages when the range holds
many events or the lanes do not fit one page. Files are written atomically and never over
the data file; a failed or cancelled export leaves nothing behind.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSize
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
)

from explorer.model.dataset import Dataset
from explorer.model.filters import EventFilter
from explorer.qt.export.files import (
    ExportCancelled,
    ExportError,
    check_target,
    format_of,
    write_atomically,
)
from explorer.qt.export.sheet import (
    Sheet,
    filter_caption,
    footer_block,
    paint_sheet,
    sources_text,
    theme_palette,
)
from explorer.qt.export.svg import SvgDocument
from explorer.qt.timeline.blocks import Block, Fonts, text_block
from explorer.qt.timeline.legend import legend, samples_in
from explorer.qt.timeline.style import TimelineStyle
from explorer.timescale.labels import clipped, elide
from explorer.timescale.lanes import GroupBy
from explorer.timescale.layout import LANE_TITLE_INDENT
from explorer.timescale.pages import (
    MAX_LANES,
    MAX_PDF_PAGES,
    MAX_WIDTH_PX,
    Citations,
    RangeError,
    Timeline,
    choose_rows,
    citations,
    events_extent,
    frame,
    packed_frame,
    prepare,
    scene_of,
    tile_scene,
    tiles,
    with_range,
)
from explorer.timescale.scene import Scene, plain_scene

__all__ = ["ExportCancelled", "ExportError", "ExportOptions", "ExportResult", "PAGE_SIZES",
           "Pages", "compose", "export_timeline", "paint_pages"]

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]

PAGE_SIZES = {
    "A4": QPageSize.PageSizeId.A4,
    "A3": QPageSize.PageSizeId.A3,
    "letter": QPageSize.PageSizeId.Letter,
}
#: Page margin of a PDF, in millimetres.
PAGE_MARGIN_MM = 12.0
#: A PDF gets a page more across for about this many dated events in the range, up to
#: `MAX_AUTO_PAGES` across and `MAX_AUTO_TOTAL` pages in all (when lanes go down pages too).
EVENTS_PER_PAGE = 40
MAX_AUTO_PAGES = 12
MAX_AUTO_TOTAL = 48
#: Largest image side and area, in device pixels (QImage's own side limit is near 32k;
#: 200 million pixels take 800 MB).
MAX_IMAGE_PX = 30000
MAX_IMAGE_PIXELS = 200_000_000


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What to export and how. `first`/`after` are the days of the range (None: fit the
    filtered events); `width`/`height` the timeline's size in pixels for PNG and SVG (height
    None: as tall as the lanes need); `pages` the PDF pages across time (None: by the number
    of events in the range)."""

    first: float | None = None
    after: float | None = None
    width: int = 1600
    height: int | None = None
    scale: float = 1.0
    page: str = "A4"
    landscape: bool = True
    pages: int | None = None
    dark: bool = False
    title: str | None = ""  # None: no title; "": the data set's title
    legend: bool = True
    caption: bool = True
    footer: bool = True
    group_by: GroupBy = GroupBy.NONE
    event_filter: EventFilter = field(default_factory=EventFilter)


@dataclass(frozen=True, slots=True, eq=False)
class ExportResult:
    """What was written: the format, the image (or page) size in pixels, the page count, the
    bytes, and each page's sheet (to look inside the export)."""

    path: Path
    format: str
    size: tuple[int, int]
    pages: int
    bytes: int
    sheets: tuple[Sheet, ...]
    first: float
    after: float


def measuring_dpi() -> int:
    """The dots per inch that font metrics without a device use; the targets are set to it
    so text is as wide when drawn as when it was measured for the layout."""
    screen = QGuiApplication.primaryScreen()
    return round(screen.logicalDotsPerInchY()) if screen is not None else 100


def export_font(font: QFont | None, kind: str) -> QFont:
    """The timeline's font for a target: named by the family it resolves to in an SVG (its
    reader then uses the font the layout measured); in a PDF without ligatures (its text
    would hold "ﬃ" where a search looks for "ffi") and sized in pixels (it measures the same
    at any resolution)."""
    result = QFont(font if font is not None else QGuiApplication.font())
    if kind == "svg":
        result.setFamily(QFontInfo(result).family())
    if kind == "pdf":
        result.setFeature(QFont.Tag("liga"), 0)
        if result.pixelSize() <= 0:
            result.setPixelSize(max(1, round(result.pointSizeF() * measuring_dpi() / 72.0)))
    return result


class _Steps:
    """Progress in stages, and the cancel flag, looked at between steps."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self._progress, self._cancelled = progress, cancelled
        self._low, self._high = 0.0, 1.0

    def stage(self, low: float, high: float) -> None:
        self._low, self._high = low, high
        self.done(0.0)

    def done(self, fraction: float) -> None:
        if self.cancelled():
            raise ExportCancelled()
        if self._progress is not None:
            self._progress(self._low + (self._high - self._low) * min(max(fraction, 0.0), 1.0))

    def cancelled(self) -> bool:
        return self._cancelled is not None and bool(self._cancelled())


def _data_text(dataset: Dataset) -> str:
    name = Path(dataset.path).name if dataset.path else ""
    return f"Data: {dataset.title or 'Timeline'}" + (f" ({name})" if name else "")


class _Composer:
    """Puts the header, a scene, the legend and the footer together into sheets."""

    def __init__(self, timeline: Timeline, options: ExportOptions, style: TimelineStyle,
                 cited: Citations | None = None, layout: QPageLayout | None = None) -> None:
        self.timeline, self.options, self.style = timeline, options, style
        self.fonts = Fonts(style)
        self.cited = cited
        #: The pages of a PDF or a printer (None for one image).
        self.layout = layout

    def title(self) -> str:
        """The title asked for, or the data set's; "" when the title is turned off."""
        if self.options.title is None:
            return ""
        return self.options.title or self.timeline.dataset.title or "Timeline"

    def caption(self) -> str:
        timeline = self.timeline
        return filter_caption(timeline.dataset, timeline.event_filter, timeline.visible,
                              self.options.group_by, *events_extent(timeline))

    def legend(self, width: float, scenes: Iterable[Scene], samples=None):
        """The legend of the marks `scenes` draw (or `samples`, the marks of every page)."""
        if not self.options.legend:
            return None
        scenes = list(scenes)
        samples = samples_in(scenes) if samples is None else samples
        return legend(self.style, self.fonts, width, samples, self.timeline.grouped)

    def sheet(self, width: float, scene: Scene, page_label: str = "", legend_of=None,
              with_sources: bool = True) -> Sheet:
        """A sheet of `scene`; the sources of the whole document in its footer when
        `with_sources` (once per document: the PDF puts them on its last page)."""
        caption = self.caption() if self.options.caption else ""
        header = text_block(self.fonts, width, [(self.title(), "title", False),
                                                (caption, "body", True)])
        return Sheet(width, header, scene, legend_of, self.footer(width, page_label, with_sources))

    def footer(self, width: float, page_label: str, with_sources: bool) -> Block:
        if not self.options.footer:
            return footer_block(self.fonts, width, "", "", page_label)
        cited = self.cited
        sources = sources_text(cited.sources, cited.more) if cited and with_sources else ""
        return footer_block(self.fonts, width, _data_text(self.timeline.dataset), sources,
                            page_label)

    def sources_sheet(self, width: float, page_label: str) -> Sheet:
        """A page of its own for the sources, when they do not fit under the last timeline."""
        header = text_block(self.fonts, width, [(self.title(), "title", False),
                                                ("Sources of the events drawn", "body", True)])
        return Sheet(width, header, plain_scene(width, 0.0), None, self.footer(width, page_label, True))


# -- PNG and SVG: one sheet ----------------------------------------------------------------


def _single_sheet(composer: _Composer, steps: _Steps) -> Sheet:
    """The timeline as wide as asked and as tall as asked, or as its lanes need."""
    timeline, options, style = composer.timeline, composer.options, composer.style
    width = float(options.width)
    steps.stage(0.05, 0.3)
    if options.height is not None:
        scene = scene_of(timeline, timeline.first, timeline.after, width,
                         float(options.height), style.measure, style.metrics())
    else:
        plan = packed_frame(timeline, timeline.first, timeline.after, width, style.measure,
                            style.metrics())
        scene = scene_of(timeline, timeline.first, timeline.after, width, plan.height(),
                         style.measure, plan.metrics)
    steps.done(1.0)
    return composer.sheet(width, scene, legend_of=composer.legend(width, [scene]))


def _png(composer: _Composer, steps: _Steps) -> tuple[bytes, tuple[Sheet, ...], tuple[int, int]]:
    sheet = _single_sheet(composer, steps)
    scale = composer.options.scale
    size = QSize(math.ceil(sheet.width * scale), math.ceil(sheet.height * scale))
    if max(size.width(), size.height()) > MAX_IMAGE_PX or \
            size.width() * size.height() > MAX_IMAGE_PIXELS:
        raise ExportError(f"A {size.width()} x {size.height()} image is too large; lower the "
                          "width or the scale, or export SVG or PDF", usage=True)
    steps.stage(0.3, 0.75)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(scale)
    dots = round(measuring_dpi() / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    painter = QPainter(image)
    try:
        paint_sheet(painter, sheet, composer.style, composer.fonts)
    finally:
        painter.end()
    steps.stage(0.75, 0.9)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError("The image could not be encoded as PNG")
    buffer.close()
    return bytes(buffer.data()), (sheet,), (size.width(), size.height())


def _svg(composer: _Composer, steps: _Steps) -> tuple[bytes, tuple[Sheet, ...], tuple[int, int]]:
    sheet = _single_sheet(composer, steps)
    steps.stage(0.3, 0.9)
    width, height = math.ceil(sheet.width), math.ceil(sheet.height)
    svg = SvgDocument(QSize(width, height), QRectF(0, 0, width, height),
                      composer.title() or composer.timeline.dataset.title, composer.caption(),
                      measuring_dpi())
    painter = QPainter(svg.generator)
    try:
        paint_sheet(painter, sheet, composer.style, composer.fonts)
    finally:
        painter.end()
    return svg.data(), (sheet,), (width, height)


# -- PDF: pages ------------------------------------------------------------------------------


def auto_pages(timeline: Timeline) -> int:
    """PDF pages across for the range: one more for about every `EVENTS_PER_PAGE` dated events."""
    index = timeline.index
    order = index.time_order
    count = int(np.count_nonzero((index.first[order] < timeline.after)
                                 & (index.after[order] > timeline.first)))
    return min(max(math.ceil(count / EVENTS_PER_PAGE), 1), MAX_AUTO_PAGES)


def page_layout(page: str, landscape: bool) -> QPageLayout:
    """A page of the named size with the export's margins."""
    if page not in PAGE_SIZES:
        raise ExportError(f"Unknown page size {page!r}; use {', '.join(PAGE_SIZES)}", usage=True)
    orientation = QPageLayout.Orientation.Landscape if landscape else \
        QPageLayout.Orientation.Portrait
    margin = PAGE_MARGIN_MM
    return QPageLayout(QPageSize(PAGE_SIZES[page]), orientation,
                       QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter)


def _pdf_sheets(composer: _Composer, steps: _Steps, layout: QPageLayout,
                dpi: int) -> tuple[list[Sheet], int]:
    """A sheet per page and the resolution they fit at. The range is cut into stretches
    across and the lanes into pages down; lanes get the rows that fit a page.

    When even one lane does not fit a page, everything is drawn at a finer resolution (the
    fonts are sized in pixels, so the layout still measures what is drawn) instead of
    scaling the painter, which would shift the fades in Qt's PDF output."""
    timeline, style = composer.timeline, composer.style
    across = composer.options.pages or auto_pages(timeline)
    resolution, most_lanes = dpi, None

    def fit(across: int, width: float, space: float):
        """Rows per lane for `across` stretches, and how many lanes go on a page."""
        span = (timeline.after - timeline.first) / across
        stretches = [(timeline.first + n * span, timeline.first + (n + 1) * span)
                     for n in range(across)]
        plan = choose_rows(timeline, stretches, width, style.measure, style.metrics(), space)
        per_page = max(1, int((space - plan.top - plan.tray) // plan.lane_height))
        if most_lanes is not None:
            per_page = min(per_page, most_lanes)
        down = math.ceil(max(plan.lane_count, 1) / per_page) if plan.grouped else 1
        return plan, per_page, down

    for attempt in range(8):
        steps.stage(0.05 + 0.03 * attempt, 0.08 + 0.03 * attempt)
        content = layout.paintRectPixels(resolution)
        width, room = float(content.width()), float(content.height())
        probe_scene = scene_of(timeline, timeline.first,
                               timeline.first + (timeline.after - timeline.first) / across,
                               width, 100.0, style.measure, style.metrics())
        probe = composer.sheet(width, probe_scene, "Page 99 of 99",
                               composer.legend(width, [probe_scene]))
        # The footers differ by page (each names its own sources): keep a few lines spare.
        space = room - probe.decor_height - 3 * composer.fonts.metrics["small"].lineSpacing()
        if composer.options.pages is not None:
            # Lanes as low as they get, before rows are chosen for them (which costs a layout
            # of every page): too many pages even so is refused at once.
            fewest = frame(timeline, style.metrics(), style.metrics().min_lane_rows)
            most = max(1, int((space - fewest.top - fewest.tray) // fewest.lane_height))
            _check_pages(across, math.ceil(max(fewest.lane_count, 1) / most) if fewest.grouped else 1)
        plan, per_page, down = fit(across, width, space)
        if composer.options.pages is None and across * down > MAX_AUTO_TOTAL:
            # Many lanes already take pages down: fewer across keeps the page count sane.
            across = max(1, MAX_AUTO_TOTAL // down)
            plan, per_page, down = fit(across, width, space)
        _check_pages(across, down)
        parts = tiles(timeline, across, plan, per_page)
        scenes = []
        for number, tile in enumerate(parts):
            steps.done(number / len(parts))
            scenes.append(tile_scene(timeline, tile, width, plan, style.measure))
        samples = samples_in(scenes)
        sheets = _with_sources_once(composer, width, room, scenes, samples)
        tallest = max(sheet.height for sheet in sheets)
        if tallest <= room:
            break
        if plan.grouped and per_page > 1:
            # A page whose legend or sources took more room than the probe's: fewer lanes.
            most_lanes = max(1, per_page - math.ceil((tallest - room) / plan.lane_height))
        else:
            resolution = math.ceil(resolution * tallest / room)
    return sheets, resolution


def _check_pages(across: int, down: int) -> None:
    """ExportError for a PDF of more than `MAX_PDF_PAGES` pages."""
    if across * down > MAX_PDF_PAGES:
        raise ExportError(f"This PDF would run to {across * down:,} pages ({across:,} across, "
                          f"{down:,} down the lanes); a PDF has at most {MAX_PDF_PAGES:,}: ask "
                          "for fewer pages across, fewer lanes, or a narrower range", usage=True)


def _with_sources_once(composer: _Composer, width: float, room: float, scenes: list[Scene],
                       samples) -> list[Sheet]:
    """A sheet per page; the sources under the last timeline when they fit there, else on a
    page of their own after it."""
    cited = composer.cited
    own_page = False
    if cited is not None and cited.sources and composer.options.footer:
        label = f"Page {len(scenes)} of {len(scenes)}"
        last = composer.sheet(width, scenes[-1], label, composer.legend(width, [scenes[-1]], samples))
        own_page = last.height > room
    total = len(scenes) + own_page
    sheets = [composer.sheet(width, scene, f"Page {number} of {total}",
                             composer.legend(width, [scene], samples),
                             with_sources=number == len(scenes) and not own_page)
              for number, scene in enumerate(scenes, start=1)]
    if own_page:
        sheets.append(composer.sources_sheet(width, f"Page {total} of {total}"))
    return sheets


_ALPHA_MASK = re.compile(rb"<< /SMask << /S /Alpha /G (\d+) 0 R >> >>")


def luminosity_masks(pdf: bytes) -> bytes:
    """Qt writes the alpha of a gradient as an /Alpha soft mask holding an opaque grey
    shading, which readers rightly draw fully opaque (fades to nothing came out solid). As a
    /Luminosity mask the grey levels are the alpha Qt meant. The new dictionary is no longer
    than the old one and is padded, so the cross-reference offsets stay valid."""
    def rewrite(match: re.Match) -> bytes:
        new = b"<</SMask<</S/Luminosity/G " + match.group(1) + b" 0 R>>>>"
        return new + b" " * (len(match.group(0)) - len(new))
    return _ALPHA_MASK.sub(rewrite, pdf)


def _pdf(composer: _Composer, steps: _Steps) -> tuple[bytes, tuple[Sheet, ...], tuple[int, int]]:
    dpi = measuring_dpi()
    layout = composer.layout or page_layout(composer.options.page, composer.options.landscape)
    sheets, resolution = _pdf_sheets(composer, steps, layout, dpi)
    steps.stage(0.3, 0.9)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(resolution)
    writer.setPageLayout(layout)
    writer.setTitle(clipped(composer.title() or composer.timeline.dataset.title))
    writer.setCreator("Timeline Explorer")
    paint_pages(writer, Pages(composer, tuple(sheets), layout, resolution), steps.done)
    buffer.close()
    size = layout.fullRectPixels(dpi)
    return luminosity_masks(bytes(buffer.data())), tuple(sheets), (size.width(), size.height())


@dataclass(frozen=True, slots=True, eq=False)
class Pages:
    """What an export draws, ready to paint: its sheets, and for pages (PDF, printing) their
    layout and the resolution the sheets were laid out at."""

    composer: _Composer
    sheets: tuple[Sheet, ...]
    layout: QPageLayout | None
    resolution: int

    @property
    def style(self) -> TimelineStyle:
        return self.composer.style


def paint_pages(device: QPagedPaintDevice, pages: Pages,
                done: Callable[[float], None] | None = None) -> None:
    """Paint the pages on a `QPdfWriter` or a `QPrinter`, one sheet a page, with their top
    left at the device's printable area. A device of another resolution than the one the
    pages were laid out at (a printer that keeps its own) gets them scaled."""
    layout = pages.layout
    if layout is None:
        raise ValueError("paint_pages needs the pages of a page layout")
    resolution, style, fonts = pages.resolution, pages.style, pages.composer.fonts
    content = layout.paintRectPixels(resolution)
    # The painter's origin is the top left of the margins; the page's background goes under
    # the margins too (a dark theme would otherwise print a white frame).
    page = QRectF(layout.fullRectPixels(resolution)).translated(-content.x(), -content.y())
    painter = QPainter(device)
    try:
        scale = device.logicalDpiX() / resolution
        if abs(scale - 1.0) > 1e-6:
            painter.scale(scale, scale)
        for number, sheet in enumerate(pages.sheets):
            if number:
                device.newPage()
            painter.fillRect(page, style.background)
            paint_sheet(painter, sheet, style, fonts)
            if done is not None:
                done((number + 1) / len(pages.sheets))
    finally:
        painter.end()


TARGETS = {"png": _png, "svg": _svg, "pdf": _pdf}


def export_timeline(
    dataset: Dataset,
    path: str | os.PathLike,
    options: ExportOptions = ExportOptions(),
    *,
    font: QFont | None = None,
    palette: QPalette | None = None,
    inputs: Iterable[str | os.PathLike] = (),
    today: float | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Write the timeline of `dataset` to `path` (PNG, SVG or PDF by its extension).

    `palette` overrides the light or dark theme of `options` (the widget's own, say); `font`
    is the timeline's font (the application's by default). `inputs` are files never to be
    overwritten besides the data set's own. Raises ExportError (ExportCancelled once
    `cancelled()` is True); nothing is left at `path` then.
    """
    target = check_target(path, [*inputs, *([dataset.path] if dataset.path else [])])
    kind = format_of(target)
    steps = _Steps(progress, cancelled)
    composer = _composer(dataset, options, kind, font, palette, today, None, steps)
    data, sheets, size = TARGETS[kind](composer, steps)
    steps.stage(0.9, 1.0)
    write_atomically(target, data, steps.cancelled, steps.done)
    return ExportResult(target, kind, size, len(sheets), len(data), sheets,
                        composer.timeline.first, composer.timeline.after)


def compose(
    dataset: Dataset,
    options: ExportOptions = ExportOptions(),
    kind: str = "pdf",
    *,
    layout: QPageLayout | None = None,
    font: QFont | None = None,
    palette: QPalette | None = None,
    today: float | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Pages:
    """What an export of `kind` would draw, without writing anything: one sheet for "png"
    and "svg"; for "pdf" the pages of `layout` (by default the options' page), as a PDF
    export cuts them. For previews and printing; ExportError as `export_timeline`."""
    if kind not in TARGETS:
        raise ExportError(f"Unknown export format {kind!r}", usage=True)
    steps = _Steps(progress, cancelled)
    if kind == "pdf":
        layout = layout or page_layout(options.page, options.landscape)
    composer = _composer(dataset, options, kind, font, palette, today, layout, steps)
    if kind != "pdf" or layout is None:
        return Pages(composer, (_single_sheet(composer, steps),), None, measuring_dpi())
    sheets, resolution = _pdf_sheets(composer, steps, layout, measuring_dpi())
    return Pages(composer, tuple(sheets), layout, resolution)


def _check_lanes(timeline: Timeline, group_by: GroupBy) -> None:
    """ExportError past `MAX_LANES` lanes, before anything is measured or laid out."""
    lanes = len(timeline.lanes.lanes)
    if lanes > MAX_LANES:
        raise ExportError(f"Lanes by {group_by.value} make {lanes:,} lanes; an export lays out "
                          f"at most {MAX_LANES:,}: narrow the events (by actor, tag or search) "
                          "or choose another grouping", usage=True)


def _composer(dataset: Dataset, options: ExportOptions, kind: str, font: QFont | None,
              palette: QPalette | None, today: float | None, layout: QPageLayout | None,
              steps: _Steps) -> _Composer:
    """The checked options, the style and the range of an export of `kind`."""
    if not (options.scale > 0 and options.width >= 1 and (options.height or 1) >= 1):
        raise ExportError("Width, height and scale must be positive", usage=True)
    if options.pages is not None and options.pages < 1:
        raise ExportError("A PDF needs at least one page across", usage=True)
    if kind == "pdf" and options.pages is not None and options.pages > MAX_PDF_PAGES:
        raise ExportError(f"{options.pages:,} pages across is more than a PDF holds (at most "
                          f"{MAX_PDF_PAGES:,} pages)", usage=True)
    if max(options.width, options.height or 0) > MAX_WIDTH_PX:
        raise ExportError(f"A timeline {max(options.width, options.height or 0):,} pixels wide or "
                          f"high is too large; at most {MAX_WIDTH_PX:,} pixels", usage=True)
    steps.stage(0.0, 0.05)
    style = TimelineStyle(palette or theme_palette(options.dark), export_font(font, kind))
    width = options.width
    if kind == "pdf":
        layout = layout or page_layout(options.page, options.landscape)
        width = layout.paintRectPixels(measuring_dpi()).width()
    try:
        timeline = prepare(dataset, options.event_filter, options.group_by, options.first,
                           options.after, width, today)
        _check_lanes(timeline, options.group_by)
        if kind == "pdf" and (options.first is None or options.after is None):
            # Fitted across every page, not one: the room for the last labels is a page's share.
            across = options.pages or auto_pages(timeline)
            timeline = with_range(timeline, options.first, options.after, width * across)
        if kind != "pdf" and timeline.grouped and options.first is None and options.height is None:
            # Lane titles sit at the start of their lanes' first rows: events start after them.
            titles = [elide(lane.title, max(width / 3.0, 60.0), style.measure)
                      for lane in timeline.lanes.lanes]
            room = LANE_TITLE_INDENT + max(map(style.measure, titles), default=0.0) + 16.0
            timeline = with_range(timeline, None, options.after, width, max(24.0, room))
    except RangeError as error:
        raise ExportError(str(error), usage=True) from None
    cited = citations(timeline) if options.footer else None
    if cited is not None:
        timeline = replace(timeline, notes=cited.notes)
    return _Composer(timeline, options, style, cited, layout)
