# `except Exception` catches builtin and user exceptions alike; the handler can narrow with
# isinstance; exceptions raised by deep builtin operations too.


class Custom(Exception):
    detail: int

    def __init__(self, detail: int) -> None:
        super().__init__("custom " + str(detail))
        self.detail = detail


def do(i: int) -> str:
    xs = [1]
    d: dict[int, int] = {}
    if i == 0:
        return str(xs[i + 1])
    if i == 1:
        return str(d[i])
    if i == 2:
        return str(1 // (i - 2))
    if i == 3:
        raise Custom(i)
    if i == 4:
        return str(int("4.5"))
    if i == 5:
        assert i < 0, "five"
    if i == 6:
        raise NotImplementedError("six")
    return "fine " + str(i)


def main(argv: list[str]) -> int:
    for i in range(8):
        try:
            print(i, do(i))
        except Exception as e:
            tag = "?"
            if isinstance(e, IndexError):
                tag = "index"
            elif isinstance(e, KeyError):
                tag = "key"
            elif isinstance(e, ZeroDivisionError):
                tag = "zero"
            elif isinstance(e, Custom):
                tag = "custom detail=" + str(e.detail)
            elif isinstance(e, ValueError):
                tag = "value"
            elif isinstance(e, AssertionError):
                tag = "assert"
            elif isinstance(e, RuntimeError):
                tag = "runtime"
            print(i, tag, str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
