class A:
    def __init__(self) -> None:
        pass


class B(A):
    pass


class C(B):
    pass


def kind(o: object) -> str:
    if isinstance(o, C):
        return "C"
    if isinstance(o, B):
        return "B"
    if isinstance(o, A):
        return "A"
    return "None" if o is None else "?"


def main(argv: list[str]) -> int:
    print(kind(A()), kind(B()), kind(C()), kind(None), type(C()).__name__)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
