# expect: a `C | None` local used as a `C` argument without narrowing


class Box:
    v: int

    def __init__(self, v: int) -> None:
        self.v = v


def get(b: Box) -> int:
    return b.v


def find(bs: list[Box], v: int) -> Box | None:
    for b in bs:
        if b.v == v:
            return b
    return None


def main(argv: list[str]) -> int:
    found = find([Box(1)], 1)
    return get(found)
