"""Charts drawn on the server as SVG: no script, no data sent anywhere.

Every chart is an image with a title and a description, labels its values directly (so it
reads in greyscale and without a legend lookup), and sits beside a table of the same numbers.
"""

from dataclasses import dataclass
from itertools import count
from textwrap import wrap

from markupsafe import Markup, escape

WIDTH = 640
_ids = count(1)

# Fills that differ in pattern as well as shade, for the parts of a stacked bar.
FILLS = ("#0b0c0c", "url(#P-hatch)", "url(#P-dots)", "#b1b4b6", "#ffffff", "#505a5f")
_DEFS = """<defs>
<pattern id="{p}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
<rect width="6" height="6" fill="#ffffff"/>
<line x1="0" y1="0" x2="0" y2="6" stroke="#505a5f" stroke-width="3"/></pattern>
<pattern id="{p}-dots" width="6" height="6" patternUnits="userSpaceOnUse">
<rect width="6" height="6" fill="#ffffff"/><circle cx="3" cy="3" r="1.6" fill="#0b0c0c"/></pattern>
</defs>"""


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    text: str  # the value as a person reads it, drawn at the end of the bar
    emphasis: bool = False


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[tuple[str, float | None], ...]  # (x label, value or None for no data)


def _svg(title: str, description: str, height: int, body: str) -> Markup:
    uid = f"chart-{next(_ids)}"
    # Every text in the chart went through escape() where it was drawn; the rest is numbers and our markup.
    return Markup(  # nosec B704 - texts escaped where drawn (see above)
        f'<svg class="app-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc" xmlns="http://www.w3.org/2000/svg" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{uid}-title">{escape(title)}</title><desc id="{uid}-desc">{escape(description)}</desc>'
        f"{_DEFS.format(p=uid)}{body.replace('url(#P-', f'url(#{uid}-')}</svg>"
    )


def bar_chart(
    title: str, description: str, bars: list[Bar], *, max_value: float | None = None, label_width: int = 210
) -> Markup:
    """Horizontal bars, one per row, each labelled in full (wrapped over lines) and with its value."""
    row, line, top = 28, 15, 8
    scale_max = max_value or max((b.value or 0 for b in bars), default=0) or 1
    plot = WIDTH - label_width - 120
    parts, y = [], top
    for bar in bars:
        lines = wrap(bar.label, label_width // 7) or [""]
        length = plot * (bar.value or 0) / scale_max
        css = "app-chart__bar app-chart__bar--emphasis" if bar.emphasis else "app-chart__bar"
        label = _lines(lines, label_width - 8, line)
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end" class="app-chart__label">{label}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 8}" class="{css}"/>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + 17}" class="app-chart__value">{escape(bar.text)}</text>'
        )
        y += max(row, 25 + line * (len(lines) - 1))
    axis = f'<line x1="{label_width}" y1="{top}" x2="{label_width}" y2="{y}" class="app-chart__axis"/>'
    return _svg(title, description, max(y, top + row) + top, "".join(parts) + axis)


def small_multiples(
    title: str,
    description: str,
    series: list[Series],
    *,
    reference: float | None = None,
    max_value: float = 100,
    unit: str = "%",
) -> Markup:
    """One small line chart per series on the same scale, with an optional dashed reference line."""
    columns, cell_w, cell_h = 3, WIDTH // 3, 120
    # Room above the plots for the longest name, wrapped in full ("Avon and Somerset Constabulary").
    pad = 26 + 13 * (max((len(wrap(one.label, 26)) for one in series), default=1) - 1)
    parts = []
    for n, one in enumerate(series):
        x0, y0 = (n % columns) * cell_w, (n // columns) * cell_h
        parts.append(_multiple(one, x0, y0, cell_w, cell_h, pad, reference, max_value, unit))
    rows = max(1, -(-len(series) // columns))
    return _svg(title, description, rows * cell_h, "".join(parts))


def _multiple(
    one: Series, x0: int, y0: int, w: int, h: int, pad: int, reference: float | None, max_value: float, unit: str
) -> str:
    left, right, top, bottom = x0 + 30, x0 + w - 44, y0 + pad, y0 + h - 18
    steps = max(len(one.points) - 1, 1)

    def xy(i: int, value: float) -> tuple[float, float]:
        return left + (right - left) * i / steps, bottom - (bottom - top) * value / max_value

    known = [(i, v) for i, (_, v) in enumerate(one.points) if v is not None]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(i, v) for i, v in known))
    name = _lines(wrap(one.label, 26), x0 + 8, 13)
    parts = [
        f'<text x="{x0 + 8}" y="{y0 + 16}" class="app-chart__label app-chart__label--bold">{name}</text>',
        f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" class="app-chart__axis"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" class="app-chart__axis"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" class="app-chart__tick">{max_value:.0f}</text>',
        f'<text x="{left - 4}" y="{bottom + 4}" text-anchor="end" class="app-chart__tick">0</text>',
    ]
    if reference is not None:
        ry = xy(0, reference)[1]
        parts.append(f'<line x1="{left}" y1="{ry:.1f}" x2="{right}" y2="{ry:.1f}" class="app-chart__reference"/>')
    if len(known) > 1:
        parts.append(f'<polyline points="{line}" class="app-chart__line"/>')
    parts += [
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" class="app-chart__point"/>' for x, y in (xy(i, v) for i, v in known)
    ]
    if known:
        i, v = known[-1]
        x, y = xy(i, v)
        parts.append(f'<text x="{x + 5:.1f}" y="{y + 4:.1f}" class="app-chart__value">{v:.0f}{unit}</text>')
    else:
        parts.append(f'<text x="{left}" y="{(top + bottom) / 2:.0f}" class="app-chart__value">No data</text>')
    return "".join(parts)


def stacked_bars(
    title: str,
    description: str,
    rows: list[tuple[str, tuple[int, ...]]],
    segments: tuple[str, ...],
    *,
    label_width: int = 170,
) -> Markup:
    """One horizontal bar per row split into segments told apart by pattern, with a key."""
    per_row = max(1, (WIDTH - label_width) // KEY_WIDTH)
    row, line, top = 30, 15, 34 + KEY_ROW * ((len(segments) - 1) // per_row)
    biggest = max((sum(counts) for _, counts in rows), default=0) or 1
    plot = WIDTH - label_width - 60
    parts, y = [_key(segments, label_width, per_row)], top
    for label, counts in rows:
        lines, x = wrap(label, label_width // 7) or [""], float(label_width)
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 18}" text-anchor="end" class="app-chart__label">'
            f"{_lines(lines, label_width - 8, line)}</text>"
        )
        for part, value in enumerate(counts):
            width = plot * value / biggest
            if value:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y + 4}" width="{width:.1f}" height="{row - 8}" '
                    f'class="app-chart__segment" fill="{FILLS[part % len(FILLS)]}"/>'
                )
            x += width
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 18}" class="app-chart__value">{sum(counts)}</text>')
        y += max(row, 26 + line * (len(lines) - 1))
    return _svg(title, description, max(y, top + row) + 8, "".join(parts))


KEY_WIDTH, KEY_ROW = 110, 22


def _key(segments: tuple[str, ...], x: int, per_row: int) -> str:
    parts = []
    for n, name in enumerate(segments):
        left, down = x + (n % per_row) * KEY_WIDTH, (n // per_row) * KEY_ROW
        parts.append(
            f'<rect x="{left}" y="{6 + down}" width="14" height="14" class="app-chart__segment" '
            f'fill="{FILLS[n % len(FILLS)]}"/>'
            f'<text x="{left + 19}" y="{18 + down}" class="app-chart__key">{escape(name)}</text>'
        )
    return "".join(parts)


def _lines(lines: list[str], x: float, height: int) -> str:
    """A label's lines as tspans under one another: labels wrap in full rather than being cut short."""
    return "".join(f'<tspan x="{x}" dy="{height if n else 0}">{escape(text)}</tspan>' for n, text in enumerate(lines))
