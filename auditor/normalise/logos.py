"""Logo images -> perceptual hash (imagehash), so a re-encoded logo still matches."""

from __future__ import annotations

import io

import imagehash
from PIL import Image, UnidentifiedImageError

from auditor.normalise.errors import NormaliseError

MAX_PIXELS = 4096 * 4096
MAX_BYTES = 5_000_000


def logo_hash(data: bytes) -> str:
    """Perceptual hash (hex) of an image; raises NormaliseError for undecodable or huge images."""
    if not data:
        raise NormaliseError("empty image")
    if len(data) > MAX_BYTES:
        raise NormaliseError(f"image larger than {MAX_BYTES} bytes")
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise NormaliseError(f"image too large ({image.width}x{image.height})")
            image.load()
            if image.mode in ("RGBA", "LA", "P"):
                background = Image.new("RGBA", image.size, (255, 255, 255, 255))
                background.alpha_composite(image.convert("RGBA"))
                image = background
            return str(imagehash.phash(image.convert("RGB")))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise NormaliseError(f"not a readable image: {exc}") from None


def hash_distance(a: str, b: str) -> int:
    """Hamming distance between two hashes (0 = same picture)."""
    return int(imagehash.hex_to_hash(a) - imagehash.hex_to_hash(b))
