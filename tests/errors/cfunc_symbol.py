# expect: C symbols must be C identifiers, outside the runtime's 'seam_' prefix, and one
# symbol has one signature.
import seam


@seam.c_function(symbol="not-an-identifier")
def a(x: int) -> int:
    raise NotImplementedError


@seam.c_function(symbol="seam_alloc")
def b(x: int) -> int:
    raise NotImplementedError


@seam.c_function(symbol="shared")
def c(x: int) -> int:
    raise NotImplementedError


@seam.c_function(symbol="shared")
def d(x: float) -> int:
    raise NotImplementedError


def main(argv: list[str]) -> int:
    return 0
