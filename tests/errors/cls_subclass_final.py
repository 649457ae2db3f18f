# expect: subclassing a class marked @final
from seam import final


@final
class Leaf:
    pass


class Sub(Leaf):
    pass


def main(argv: list[str]) -> int:
    return 0
