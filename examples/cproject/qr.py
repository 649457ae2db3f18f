"""QR codes from libqrencode, drawn with Unicode half blocks: a module of the
showcase compiled separately from the core, with its C glue (qr_glue.c)."""

import seam
from seam import CPointer, c_function
from main import Space

seam.c_library(sources=["qr_glue.c"], libraries=["qrencode"])


@c_function
def qr_encode(text: str) -> CPointer:
    raise NotImplementedError


@c_function
def qr_width(code: CPointer) -> int:
    raise NotImplementedError


@c_function
def qr_version(code: CPointer) -> int:
    raise NotImplementedError


@c_function
def qr_dark(code: CPointer, x: int, y: int) -> bool:
    raise NotImplementedError


@c_function
def qr_free(code: CPointer) -> None: ...


# Two rows of modules per line of text: upper and lower half of a character cell.
BLOCKS: list[str] = [" ", "▄", "▀", "█"]


def render(text: str) -> str:
    """The QR code of `text`, dark modules drawn, a quiet zone of 2 around."""
    code = qr_encode(text)
    if code == CPointer(0):
        raise ValueError(f"cannot encode {len(text)} characters as a QR code")
    width = qr_width(code)
    border = 2
    lines = [f"QR version {qr_version(code)}, {width}x{width} modules"]
    for y in range(-border, width + border, 2):
        row: list[str] = []
        for x in range(-border, width + border):
            upper = 2 if qr_dark(code, x, y) else 0
            lower = 1 if qr_dark(code, x, y + 1) else 0
            row.append(BLOCKS[upper + lower])
        lines.append("".join(row).rstrip())
    qr_free(code)
    return "\n".join(lines)


def init_module(space: Space) -> None:
    space.commands["qr"] = render
