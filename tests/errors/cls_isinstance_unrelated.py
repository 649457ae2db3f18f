# expect: isinstance against a class unrelated to the static type


class A:
    pass


class B:
    pass


def main(argv: list[str]) -> int:
    a = A()
    if isinstance(a, B):
        return 1
    return 0
