# expect: c_function declares module-level functions, and is a decorator, not a call.
from seam import c_function


class K:
    @c_function
    def m(self) -> int:
        raise NotImplementedError


def main(argv: list[str]) -> int:
    f = c_function()
    return 0
