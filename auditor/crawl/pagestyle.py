"""What a site page's look is made of: inline CSS, linked stylesheets, the logo image."""

from __future__ import annotations

from dataclasses import dataclass, field

from scrapy.http import TextResponse


@dataclass
class PageStyle:
    """CSS text found in the page itself, and the URLs of its stylesheets and logo."""

    inline_css: list[str] = field(default_factory=list)
    stylesheets: list[str] = field(default_factory=list)
    logo: str | None = None


LOGO_SELECTORS = (
    "img.logo::attr(src)",
    "[class*=logo] img::attr(src)",
    "img[alt*=logo i]::attr(src)",
    "img[src*=logo]::attr(src)",
    'link[rel~="icon"][href*=logo]::attr(href)',
)


def page_style(response: TextResponse) -> PageStyle:
    """Inline ``<style>`` blocks, ``style=""`` attributes (as declarations), stylesheet links and
    the logo URL (the first image that calls itself a logo)."""
    style = PageStyle()
    style.inline_css = [t for t in response.css("style::text").getall() if t.strip()]
    declarations = [d for d in response.css("[style]::attr(style)").getall() if d.strip()]
    if declarations:
        style.inline_css.append("\n".join(f"x{{{d}}}" for d in declarations))
    seen: set[str] = set()
    for href in response.css('link[rel~="stylesheet"]::attr(href)').getall():
        url = response.urljoin(href.strip())
        if url not in seen:
            seen.add(url)
            style.stylesheets.append(url)
    for query in LOGO_SELECTORS:
        src = response.css(query).get()
        if src and src.strip():
            style.logo = response.urljoin(src.strip())
            break
    return style
