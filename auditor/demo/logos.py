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
