# expect: printing a function value, whose CPython text holds an address
def f() -> int:
    return 1


def main(argv: list[str]) -> int:
    print(f)
    return 0
