# expect: isinstance against a class unrelated to the static type
class A:
    pass


class B:
    pass


def f(a: A) -> bool:
    return isinstance(a, B)


def main(argv: list[str]) -> int:
    print(f(A()))
    return 0
