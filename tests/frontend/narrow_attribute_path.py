class Inner:
    label: str

    def __init__(self, label: str) -> None:
        self.label = label


class Outer:
    inner: Inner | None

    def __init__(self, inner: Inner | None) -> None:
        self.inner = inner


def describe(o: Outer) -> str:
    if o.inner is not None and o.inner.label:
        return o.inner.label
    return "-"


def main(argv: list[str]) -> int:
    print(describe(Outer(Inner("x"))), describe(Outer(None)))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
