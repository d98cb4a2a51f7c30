"""Draw the book's favicon: a horseshoe magnet (white, orange poles) on the kit's blue.

Writes ``favicon.svg`` beside this script (linked by every page through ``html_favicon``) and
``../site_root/favicon.ico`` (16, 32 and 48 px PNGs in an ICO container, copied to the site root for
clients that ask for /favicon.ico). Both come from the same shapes on a 32-unit grid; the bitmaps are
rasterised here with 4x4 supersampling, standard library only.

    python _assets/favicon/make_favicon.py
"""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
BLUE, WHITE, ORANGE = (0x00, 0x72, 0xB2), (0xFF, 0xFF, 0xFF), (0xE6, 0x9F, 0x00)
SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="#0072B2"/>
<path d="M6 5h6v11a4 4 0 0 0 8 0V5h6v11a10 10 0 0 1-20 0z" fill="#FFFFFF"/>
<path d="M6 5h6v5H6zM20 5h6v5h-6z" fill="#E69F00"/>
</svg>
"""
SIZES = (16, 32, 48)


def colour_at(x: float, y: float) -> tuple[int, int, int] | None:
    """The colour of the point (x, y) of the 32-unit drawing, or None outside the rounded square."""
    r = 6.0
    cx, cy = min(max(x, r), 32 - r), min(max(y, r), 32 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r or not (0 <= x <= 32 and 0 <= y <= 32):
        return None
    in_bar = (6 <= x <= 12 or 20 <= x <= 26) and 5 <= y <= 16
    in_bend = y > 16 and 16 <= (x - 16) ** 2 + (y - 16) ** 2 <= 100
    if in_bar and y <= 10:
        return ORANGE
    if in_bar or in_bend:
        return WHITE
    return BLUE


def pixels(size: int, samples: int = 4) -> bytes:
    """RGBA rows of the drawing at ``size`` px, each pixel the average of samples x samples points."""
    rows = bytearray()
    step = 32 / size
    for py in range(size):
        rows.append(0)  # PNG filter type 0 for this row
        for px in range(size):
            hits = [colour_at((px + (i + 0.5) / samples) * step, (py + (j + 0.5) / samples) * step)
                    for i in range(samples) for j in range(samples)]
            inside = [c for c in hits if c is not None]
            if not inside:
                rows += bytes(4)
                continue
            rgb = [round(sum(c[k] for c in inside) / len(inside)) for k in range(3)]
            rows += bytes(rgb + [round(255 * len(inside) / len(hits))])
    return bytes(rows)


def png(size: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels(size), 9))
            + chunk(b"IEND", b""))


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file holding PNG images (supported by every current browser and OS)."""
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, image in images.items():
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset + len(data))
        data += image
    return struct.pack("<HHH", 0, 1, len(images)) + entries + data


def main() -> None:
    (HERE / "favicon.svg").write_text(SVG, encoding="utf-8")
    (HERE.parent / "site_root" / "favicon.ico").write_bytes(ico({size: png(size) for size in SIZES}))
    print("wrote favicon.svg and ../site_root/favicon.ico")


if __name__ == "__main__":
    main()
