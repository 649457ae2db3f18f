"""Checksums and compression from zlib: a module of the showcase compiled
separately from the core, with its C glue (zz_glue.c)."""

import seam
from seam import CPointer, c_function
from main import Space

seam.c_library(sources=["zz_glue.c"], libraries=["z"])


@c_function
def zz_crc32(text: str) -> int:
    raise NotImplementedError


@c_function
def zz_adler32(text: str) -> int:
    raise NotImplementedError


@c_function
def zz_compress(text: str, level: int) -> CPointer:
    raise NotImplementedError


@c_function
def zz_size(packed: CPointer) -> int:
    raise NotImplementedError


@c_function
def zz_original(packed: CPointer) -> int:
    raise NotImplementedError


@c_function
def zz_decompress(packed: CPointer) -> str:
    raise NotImplementedError


@c_function
def zz_free(packed: CPointer) -> None: ...


def checksums(text: str) -> str:
    return f"crc32 {zz_crc32(text):08x}  adler32 {zz_adler32(text):08x}"


def round_trip(text: str) -> str:
    packed = zz_compress(text, 9)
    if packed == CPointer(0):
        raise MemoryError()
    try:
        back = zz_decompress(packed)
        size = zz_size(packed)
        original = zz_original(packed)
    finally:
        zz_free(packed)
    same = "intact" if back == text else "CHANGED"
    return f"{original} bytes -> {size} compressed -> {len(back)} characters back, {same}"


def init_module(space: Space) -> None:
    space.commands["checksums"] = checksums
    space.commands["round-trip"] = round_trip
