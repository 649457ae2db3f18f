# expect: A C function cannot take a list, nor return a dict.
from seam import c_function


@c_function
def takes_list(xs: list[int]) -> int:
    raise NotImplementedError


@c_function
def gives_dict() -> dict[str, int]:
    raise NotImplementedError


def main(argv: list[str]) -> int:
    return 0
