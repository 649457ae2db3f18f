# expect: a with-statement over something that is not a file
class Lock:
    def __init__(self) -> None:
        pass


def main(argv: list[str]) -> int:
    with Lock():
        print(1)
    return 0
