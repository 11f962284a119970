"""Inline SVG charts drawn from numbers only (labels escaped), so reports need no network."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape


def _colour(score: float | None) -> str:
    if score is None:
        return "#9aa5ad"
    if score >= 90:
        return "#2e7d32"
    if score >= 75:
        return "#7cb342"
    if score >= 60:
        return "#f9a825"
    return "#c62828"


def sparkline(values: Sequence[float | None], width: int = 160, height: int = 36) -> Markup:
    """A trend line of scores 0-100, oldest left; the last point marked."""
    points = [(i, v) for i, v in enumerate(values) if v is not None]
    if not points:
        return Markup('<span class="muted">no history</span>')
    step = width / max(len(values) - 1, 1)

    def xy(i: int, v: float) -> str:
        return f"{i * step:.1f},{height - 3 - (v / 100) * (height - 6):.1f}"

    path = " ".join(xy(i, v) for i, v in points)
    last_i, last_v = points[-1]
    label = escape(", ".join("–" if v is None else f"{v:.0f}" for v in values))
    return Markup(
        f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="score trend: {label}">'
        f'<polyline fill="none" stroke="#1f4e5f" stroke-width="2" points="{path}"/>'
        f'<circle cx="{xy(last_i, last_v).split(",")[0]}" cy="{xy(last_i, last_v).split(",")[1]}" r="3" '
        f'fill="{_colour(last_v)}"/></svg>'
    )


def score_bar(score: float | None, width: int = 120) -> Markup:
    """A horizontal 0-100 bar."""
    filled = 0 if score is None else max(0.0, min(100.0, score)) / 100 * width
    text = "n/a" if score is None else f"{score:.0f}"
    return Markup(
        f'<svg class="bar" width="{width + 34}" height="14" role="img" aria-label="score {text}">'
        f'<rect width="{width}" height="14" fill="#e6eaed"/>'
        f'<rect width="{filled:.1f}" height="14" fill="{_colour(score)}"/>'
        f'<text x="{width + 4}" y="11" font-size="11">{text}</text></svg>'
    )


def histogram(scores: Sequence[float], bins: int = 10, width: int = 320, height: int = 90) -> Markup:
    """Distribution of overall scores in 10-point bins."""
    counts = [0] * bins
    for score in scores:
        counts[min(int(score // (100 / bins)), bins - 1)] += 1
    top = max(counts) or 1
    bar_w = width / bins
    rects = []
    for i, count in enumerate(counts):
        h = (count / top) * (height - 18)
        rects.append(
            f'<rect x="{i * bar_w + 1:.1f}" y="{height - 14 - h:.1f}" width="{bar_w - 2:.1f}" '
            f'height="{h:.1f}" fill="{_colour(i * 100 / bins + 5)}"><title>{i * 10}-{i * 10 + 10}: '
            f"{count} stores</title></rect>"
            f'<text x="{i * bar_w + 2:.1f}" y="{height - 2}" font-size="9">{i * 10}</text>'
        )
    return Markup(
        f'<svg class="hist" width="{width}" height="{height}" role="img" '
        f'aria-label="distribution of overall scores">{"".join(rects)}</svg>'
    )
