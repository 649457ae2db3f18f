# expect: A c_function's body is the C function: '...' or 'raise NotImplementedError' only.
from seam import c_function


@c_function
def add(a: int, b: int) -> int:
    return a + b


def main(argv: list[str]) -> int:
    return add(1, 2)
