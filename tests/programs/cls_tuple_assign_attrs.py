# Tuple assignment with attribute and subscript targets: swapping fields.


class Vec:
    x: int
    y: int

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def swap(self) -> None:
        self.x, self.y = self.y, self.x

    def rotate(self) -> None:
        self.x, self.y = -self.y, self.x


def main(argv: list[str]) -> int:
    v = Vec(1, 2)
    v.swap()
    print(v.x, v.y)
    v.rotate()
    print(v.x, v.y)
    a = Vec(0, 0)
    a.x, v.y = 10, 20
    print(a.x, a.y, v.x, v.y)
    vs = [Vec(1, 1), Vec(2, 2)]
    vs[0], vs[1] = vs[1], vs[0]
    print(vs[0].x, vs[1].x)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
