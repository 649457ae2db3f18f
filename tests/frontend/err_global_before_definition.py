# expect: module-level code reading a global defined further down
def get() -> int:
    return LATER


FIRST: int = get()
LATER: int = 2


def main(argv: list[str]) -> int:
    print(FIRST)
    return 0
