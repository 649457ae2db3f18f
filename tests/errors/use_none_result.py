# expect: using the result of a function returning None as an int


def log(msg: str) -> None:
    print(msg)


def main(argv: list[str]) -> int:
    n: int = log("x")
    return n
