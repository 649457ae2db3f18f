# `is None` / `is not None`, None printing and functions returning None.


def nothing() -> None:
    print("nothing called")


def first_long(words: list[str], n: int) -> str | None:
    for w in words:
        if len(w) >= n:
            return w
    return None


def main(argv: list[str]) -> int:
    nothing()
    r: str | None = None
    print(r, r is None, str(None), repr(None), (None,), f"{None}")
    words = ["a", "abc", "abcdef"]
    for n in range(0, 9, 2):
        w = first_long(words, n)
        print(n, w, w is None, w is not None)
    maybe: list[int] | None = None
    print(maybe is None)
    maybe = [1]
    print(maybe is None, maybe)
    if maybe is not None:
        maybe.append(2)
    print(maybe)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
