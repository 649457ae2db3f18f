# Exceptions: raise a user exception with a field two frames down and catch it,
# 2 million times (two iterations in three raise); the rest return normally.


class Fail(Exception):
    code: int

    def __init__(self, code: int) -> None:
        super().__init__("fail")
        self.code = code


def inner(i: int) -> int:
    if i % 3 != 0:
        raise Fail(i & 255)
    return i & 7


def outer(i: int) -> int:
    return inner(i) + 1


def main(argv: list[str]) -> int:
    n = 3000000
    if len(argv) > 1:
        n = int(argv[1])
    total = 0
    caught = 0
    for i in range(n):
        try:
            total += outer(i)
        except Fail as e:
            caught += 1
            total += e.code
    print("caught:", caught, "total:", total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
