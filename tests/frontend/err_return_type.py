# expect: a str returned from a function declared to return int
def f() -> int:
    return "x"


def main(argv: list[str]) -> int:
    print(f())
    return 0
