# expect: a parameter without a type annotation
def f(x):  # type: ignore[no-untyped-def]
    return x


def main(argv: list[str]) -> int:
    print(f(1))
    return 0
