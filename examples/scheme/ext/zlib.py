# zlib for Scheme programs, through the showcase's C glue
# (examples/cproject/zz_glue.c): checksums of a string's UTF-8 bytes and a
# compression round trip.
#
#   seam build-ext ext/zlib.py --exports scheme.exports -o ext/zlib.so
#
# and `(load-extension "ext/zlib")` in a program:
#   (crc32 "text") (adler32 "text")        => exact integers
#   (zlib-round-trip "text" level)         => (original-bytes compressed-bytes text-back)
import seam
from seam import CPointer, c_function
from objects import SchemeError, Space, W_Int, W_Object, W_String, list_to_scheme, make_int, wrong_type

seam.c_library(sources=["../../cproject/zz_glue.c"], libraries=["z"])


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


def text_of(x: W_Object, who: str) -> str:
    if not isinstance(x, W_String):
        raise wrong_type(who, "string", x)
    if "\0" in x.value:
        raise SchemeError(who + ": string holds a NUL character:", [x])
    return x.value


def b_crc32(x: W_Object) -> W_Object:
    return make_int(zz_crc32(text_of(x, "crc32")))


def b_adler32(x: W_Object) -> W_Object:
    return make_int(zz_adler32(text_of(x, "adler32")))


def b_round_trip(args: list[W_Object]) -> W_Object:
    text = text_of(args[0], "zlib-round-trip")
    level = args[1]
    if not isinstance(level, W_Int) or not 0 <= level.value <= 9:
        raise wrong_type("zlib-round-trip", "level 0 to 9", level)
    packed = zz_compress(text, level.value)
    if packed == CPointer(0):
        raise SchemeError("zlib-round-trip: zlib failed", [])
    try:
        back = zz_decompress(packed)
        items: list[W_Object] = [make_int(zz_original(packed)), make_int(zz_size(packed)), W_String(back)]
    finally:
        zz_free(packed)
    return list_to_scheme(items)


def init_module(space: Space) -> None:
    space.register1("crc32", b_crc32)
    space.register1("adler32", b_adler32)
    space.register("zlib-round-trip", 2, 2, b_round_trip)
