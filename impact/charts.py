"""Geometry of the impact page's charts, computed here so templates only draw.

Charts are SVG drawn on the server: no JavaScript, colours as SVG presentation
attributes (the public pages' Content-Security-Policy forbids inline styles). Each
chart comes with a title, a description and the data table shown beside it.

Each chart is drawn twice: `WIDTH` wide for wide screens, and `PHONE_WIDTH` wide with
larger text for phones (site.css shows one or the other): scaled down to a 360 px wide
screen, a 720-wide drawing would print its labels at 5 px. At `PHONE_WIDTH` the phone
drawing's smallest text (`PHONE_FONT_SIZE`) renders at 12 px or more from 310 px wide.
"""

import math
from dataclasses import dataclass, field

WIDTH = 720
PHONE_WIDTH = 340
FONT_SIZE = 12
PHONE_FONT_SIZE = 14
# Colours with at least 3:1 contrast on white, told apart by more than hue.
ARTISAN_COLOUR = "#9a3412"
MARKUP_COLOUR = "#1f5f7a"
GRID_COLOUR = "#d8cbbd"
TEXT_COLOUR = "#1f1a17"


def nice_step(largest, ticks=4):
    """A round step (1, 2 or 5 × 10ⁿ) that divides 0..largest into about `ticks` parts."""
    if largest <= 0:
        return 1
    raw = largest / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _round(value):
    return round(value, 1)


@dataclass(frozen=True)
class Column:
    x: float
    y: float
    width: float
    height: float
    label: str
    value_text: str
    label_x: float
    title: str = ""
    year_label: str = ""


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass
class ColumnChart:
    """Vertical bars over months, with a value axis."""

    width: int
    height: int
    columns: list
    ticks: list
    plot_left: float
    plot_right: float
    baseline: float
    label_y: float
    year_y: float
    colour: str = ARTISAN_COLOUR
    grid_colour: str = GRID_COLOUR
    text_colour: str = TEXT_COLOUR
    font_size: int = FONT_SIZE


def column_chart(
    points,
    format_value,
    *,
    height=300,
    left=110,
    bottom=46,
    top=14,
    width=WIDTH,
    font_size=FONT_SIZE,
    most_labels=18,
):
    """Bars for `points`: (short label, year label or "", value, title) in order.

    `format_value` writes an amount for the axis and the bars' accessible text.
    Labels are thinned out to `most_labels` when there are many months, so they never
    overlap.
    """
    points = list(points)
    plot_width = width - left - 10
    plot_height = height - top - bottom
    largest = max((point[2] for point in points), default=0)
    step = nice_step(largest)
    top_value = step * max(1, math.ceil(largest / step)) if largest else step
    every = max(1, math.ceil(len(points) / most_labels))
    slot = plot_width / max(1, len(points))
    columns = []
    for index, (label, year, value, title) in enumerate(points):
        bar_height = plot_height * value / top_value
        x = left + index * slot + slot * 0.15
        columns.append(
            Column(
                x=_round(x),
                y=_round(top + plot_height - bar_height),
                width=_round(slot * 0.7),
                height=_round(bar_height),
                label=label if index % every == 0 else "",
                value_text=format_value(value),
                label_x=_round(x + slot * 0.35),
                title=title,
                year_label=year if index % every == 0 or year else "",
            )
        )
    ticks = [
        Tick(y=_round(top + plot_height - plot_height * tick / top_value), label=format_value(tick))
        for tick in range(0, top_value + 1, step)
    ]
    return ColumnChart(
        width=width,
        height=height,
        columns=columns,
        ticks=ticks,
        plot_left=left,
        plot_right=width - 10,
        baseline=top + plot_height,
        label_y=top + plot_height + font_size + 4,
        year_y=top + plot_height + 2 * font_size + 8,
        font_size=font_size,
    )


def phone_column_chart(points, format_value):
    """The same bars drawn for a phone: narrower, larger text, fewer month labels."""
    return column_chart(
        points,
        format_value,
        height=260,
        left=112,
        bottom=2 * PHONE_FONT_SIZE + 14,
        width=PHONE_WIDTH,
        font_size=PHONE_FONT_SIZE,
        most_labels=4,
    )


@dataclass(frozen=True)
class Row:
    label: str
    label_y: float
    label_lines: tuple
    bar_y: float
    bar_width: float
    value_text: str
    value_x: float


@dataclass
class BarRows:
    """Horizontal bars, one per row, the label above each bar (long names fit)."""

    width: int
    height: int
    rows: list = field(default_factory=list)
    bar_height: int = 18
    colour: str = ARTISAN_COLOUR
    text_colour: str = TEXT_COLOUR
    label_size: int = 14
    value_size: int = 13


def wrap_label(label, most_characters):
    """A label cut into lines of at most `most_characters`, at spaces (SVG text never wraps)."""
    lines = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= most_characters:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def bar_rows(points, *, row_height=46, value_space=110, width=WIDTH, label_size=14, value_size=13):
    """Rows for `points`: (label, value, value text), drawn in the given order.

    A label too long for the width goes on several lines (about 0.55 em a character),
    the row growing by a line each.
    """
    points = list(points)
    largest = max((value for _label, value, _text in points), default=0) or 1
    longest = width - value_space
    line_height = label_size + 4
    most_characters = int(width / (label_size * 0.55))
    rows = []
    top = 0
    for label, value, text in points:
        lines = wrap_label(label, most_characters)
        extra = (len(lines) - 1) * line_height
        bar_width = longest * value / largest
        rows.append(
            Row(
                label=label,
                label_y=top + label_size + 1,
                label_lines=tuple(
                    (line, top + label_size + 1 + number * line_height)
                    for number, line in enumerate(lines)
                ),
                bar_y=top + label_size + 8 + extra,
                bar_width=_round(max(bar_width, 2 if value else 0)),
                value_text=text,
                value_x=_round(bar_width + 8),
            )
        )
        top += row_height + extra
    return BarRows(
        width=width,
        height=max(row_height, top),
        rows=rows,
        label_size=label_size,
        value_size=value_size,
    )


def phone_bar_rows(points):
    """The same rows drawn for a phone: narrower, larger text."""
    return bar_rows(
        points,
        row_height=54,
        value_space=120,
        width=PHONE_WIDTH,
        label_size=PHONE_FONT_SIZE + 1,
        value_size=PHONE_FONT_SIZE,
    )


@dataclass(frozen=True)
class SplitBar:
    """One bar split in two: the artisans' share and the shop's markup, out of 100."""

    width: int
    height: int
    artisan_width: float
    markup_x: float
    markup_width: float
    artisan_colour: str = ARTISAN_COLOUR
    markup_colour: str = MARKUP_COLOUR
    text_colour: str = TEXT_COLOUR
    bar_height: int = 48
    legend_y: int = 80
    # The second legend: beside the first on a wide drawing, under it on a phone's.
    markup_legend_x: int = 360
    markup_legend_y: int = 80
    font_size: int = 14


def split_bar(
    artisan_per_hundred,
    markup_per_hundred,
    *,
    height=96,
    width=WIDTH,
    markup_legend_x=360,
    markup_legend_y=80,
    font_size=14,
):
    total = artisan_per_hundred + markup_per_hundred
    artisan_width = width * artisan_per_hundred / total if total else 0
    return SplitBar(
        width=width,
        height=height,
        artisan_width=_round(artisan_width),
        markup_x=_round(artisan_width),
        markup_width=_round(width - artisan_width if total else 0),
        markup_legend_x=markup_legend_x,
        markup_legend_y=markup_legend_y,
        font_size=font_size,
    )


def phone_split_bar(artisan_per_hundred, markup_per_hundred):
    """The same bar drawn for a phone: narrower, its two legends one under the other."""
    return split_bar(
        artisan_per_hundred,
        markup_per_hundred,
        height=122,
        width=PHONE_WIDTH,
        markup_legend_x=0,
        markup_legend_y=108,
        font_size=PHONE_FONT_SIZE + 1,
    )
