"""Geometry of the impact page's charts, computed here so templates only draw.

Charts are SVG drawn on the server: no JavaScript, colours as SVG presentation
attributes (the public pages' Content-Security-Policy forbids inline styles). Each
chart comes with a title, a description and the data table shown beside it.
"""

import math
from dataclasses import dataclass, field

WIDTH = 720
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


def column_chart(points, format_value, *, height=300, left=110, bottom=46, top=14):
    """Bars for `points`: (short label, year label or "", value, title) in order.

    `format_value` writes an amount for the axis and the bars' accessible text.
    Labels are thinned out when there are many months, so they never overlap.
    """
    points = list(points)
    plot_width = WIDTH - left - 10
    plot_height = height - top - bottom
    largest = max((point[2] for point in points), default=0)
    step = nice_step(largest)
    top_value = step * max(1, math.ceil(largest / step)) if largest else step
    every = max(1, math.ceil(len(points) / 18))
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
        width=WIDTH,
        height=height,
        columns=columns,
        ticks=ticks,
        plot_left=left,
        plot_right=WIDTH - 10,
        baseline=top + plot_height,
        label_y=top + plot_height + 16,
        year_y=top + plot_height + 32,
    )


@dataclass(frozen=True)
class Row:
    label: str
    label_y: float
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


def bar_rows(points, *, row_height=46, value_space=110):
    """Rows for `points`: (label, value, value text), drawn in the given order."""
    points = list(points)
    largest = max((value for _label, value, _text in points), default=0) or 1
    longest = WIDTH - value_space
    rows = []
    for index, (label, value, text) in enumerate(points):
        top = index * row_height
        width = longest * value / largest
        rows.append(
            Row(
                label=label,
                label_y=top + 15,
                bar_y=top + 22,
                bar_width=_round(max(width, 2 if value else 0)),
                value_text=text,
                value_x=_round(width + 8),
            )
        )
    return BarRows(width=WIDTH, height=max(row_height, len(points) * row_height), rows=rows)


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


def split_bar(artisan_per_hundred, markup_per_hundred, *, height=96):
    total = artisan_per_hundred + markup_per_hundred
    artisan_width = WIDTH * artisan_per_hundred / total if total else 0
    return SplitBar(
        width=WIDTH,
        height=height,
        artisan_width=_round(artisan_width),
        markup_x=_round(artisan_width),
        markup_width=_round(WIDTH - artisan_width if total else 0),
    )
