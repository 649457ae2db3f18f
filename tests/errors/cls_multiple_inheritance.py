# expect: multiple inheritance


class A:
    pass


class B:
    pass


class C(A, B):
    pass


def main(argv: list[str]) -> int:
    return 0
