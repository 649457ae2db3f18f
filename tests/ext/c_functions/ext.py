# The extension's C functions become the core's builtins.
import seam
from seam import c_function
from main import Space, twice

seam.c_library(sources=["ext_glue.c"], libraries=["z"])


@c_function
def ext_crc32(s: str) -> int:
    raise NotImplementedError


@c_function
def ext_adler32(s: str) -> int:
    raise NotImplementedError


@c_function(symbol="ext_reverse_bytes_ascii")
def reverse_ascii(s: str) -> str:
    raise NotImplementedError


def crc(s: str) -> str:
    return hex(ext_crc32(s))


def adler(s: str) -> str:
    return hex(ext_adler32(s))


def rev(s: str) -> str:
    return reverse_ascii(f"{len(s)} characters")


def init_module(space: Space) -> None:
    space.builtins["crc32"] = crc
    space.builtins["adler32"] = adler
    space.builtins["reverse"] = rev
    print("ext sees", twice(5))
