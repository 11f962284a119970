"""The demo brand's logo (and its retired 2019 version), drawn with Pillow, deterministic."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw


def draw_logo(current: bool = True) -> bytes:
    """PNG bytes: the current logo (teal block, orange bar) or the old one (a red circle)."""
    image = Image.new("RGB", (320, 96), "#FFFFFF")
    draw = ImageDraw.Draw(image)
    if current:
        draw.rectangle((8, 8, 88, 88), fill="#1F4E5F")
        draw.rectangle((100, 56, 312, 72), fill="#E07A2E")
        draw.rectangle((100, 24, 260, 44), fill="#1F4E5F")
    else:
        draw.ellipse((8, 8, 88, 88), fill="#A93226")
        draw.polygon([(110, 88), (210, 8), (310, 88)], fill="#6C3483")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def draw_brand_logo(primary: str, accent: str, current: bool = True) -> bytes:
    """PNG bytes of a variant world's logo in its own colours, or its retired version."""
    image = Image.new("RGB", (320, 96), "#FFFFFF")
    draw = ImageDraw.Draw(image)
    if current:
        draw.ellipse((8, 8, 88, 88), fill=primary)
        draw.rectangle((104, 30, 308, 50), fill=primary)
        draw.rectangle((104, 60, 250, 72), fill=accent)
    else:
        draw.polygon([(8, 88), (48, 8), (88, 88)], fill="#5B2C6F")
        draw.rectangle((104, 12, 140, 88), fill="#117A65")
        draw.rectangle((160, 12, 196, 88), fill="#117A65")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
