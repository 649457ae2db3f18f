# expect: returning a str from a function declared to return int


def size(xs: list[int]) -> int:
    if len(xs) > 3:
        return "big"
    return len(xs)


def main(argv: list[str]) -> int:
    return size([1])
