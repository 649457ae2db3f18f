class AppError(Exception):
    code: int

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


class NotFound(AppError):
    def __init__(self, what: str) -> None:
        super().__init__("not found: " + what, 404)


class Strange(KeyError):
    pass


def lookup(d: dict[str, int], k: str) -> int:
    if k not in d:
        raise NotFound(k)
    return d[k]


def main(argv: list[str]) -> int:
    try:
        lookup({}, "x")
    except AppError as e:
        print(e.code, e)
    try:
        raise Strange("s")
    except KeyError as k:
        print(k)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
