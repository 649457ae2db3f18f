# expect: returning a value from a function declared -> None


def log(msg: str) -> None:
    print(msg)
    return 1


def main(argv: list[str]) -> int:
    log("x")
    return 0
