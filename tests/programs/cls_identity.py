# `is`, `is not`, `==`, `!=` on instances are identity; `in` and list.index use it too.


class Box:
    v: int

    def __init__(self, v: int) -> None:
        self.v = v


class Crate(Box):
    pass


def main(argv: list[str]) -> int:
    a = Box(1)
    b = Box(1)
    c = a
    print(a is b, a is c, a is not b, a is not c)
    print(a == b, a == c, a != b, a != c)
    boxes = [a, b, Crate(1)]
    print(c in boxes, Box(1) in boxes, boxes.index(b), boxes.index(c))
    d: Box = boxes[2]
    print(d is boxes[2], d == boxes[2], d is a)
    c.v = 99
    print(a.v, b.v)
    opt: Box | None = None
    print(opt is None, opt is not None)
    opt = b
    print(opt is b, opt is a, opt is None)
    found = 0
    for x in boxes:
        if x is b:
            found += 1
        if x == a:
            found += 10
    print(found)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
