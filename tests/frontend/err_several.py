# expect: three independent errors, all reported in order
def f(x: int) -> int:
    return x + "a"


def g() -> str:
    return 1


def main(argv: list[str]) -> int:
    y: int = "s"
    print(f(1), g(), y)
    return 0
