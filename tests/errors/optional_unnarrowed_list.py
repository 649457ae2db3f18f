# expect: appending to a list | None that was not narrowed


def maybe(n: int) -> list[int] | None:
    if n > 0:
        return [n]
    return None


def main(argv: list[str]) -> int:
    xs = maybe(1)
    if xs is None:
        print("none")
    xs.append(2)
    return 0
