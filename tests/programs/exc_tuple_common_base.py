# `except (A, B) as e` where A and B share a user base class declaring a field: the field is
# readable through e; an exception class with a field of its own type (a cause chain).


class AppError(Exception):
    code: int
    cause: "AppError | None"

    def __init__(self, msg: str, code: int) -> None:
        super().__init__(msg)
        self.code = code
        self.cause = None


class NetError(AppError):
    pass


class DiskError(AppError):
    path: str

    def __init__(self, path: str) -> None:
        super().__init__("disk failure on " + path, 74)
        self.path = path


class AuthError(AppError):
    pass


def op(i: int) -> None:
    if i == 0:
        raise NetError("timeout", 110)
    if i == 1:
        raise DiskError("/tmp")
    if i == 2:
        raise AuthError("denied", 13)


def wrapped(i: int) -> None:
    try:
        op(i)
    except AppError as e:
        outer = AppError("operation " + str(i) + " failed", e.code + 1000)
        outer.cause = e
        raise outer


def describe(e: AppError) -> str:
    parts: list[str] = []
    cur: AppError | None = e
    while cur is not None:
        parts.append(str(cur) + "(" + str(cur.code) + ")")
        cur = cur.cause
    return " <- ".join(parts)


def main(argv: list[str]) -> int:
    for i in range(4):
        try:
            op(i)
            print(i, "ok")
        except (NetError, DiskError) as e:
            print(i, "io", e.code, str(e))
        except AppError as e:
            print(i, "app", e.code, str(e))
    for i in range(4):
        try:
            wrapped(i)
            print(i, "ok")
        except AppError as e:
            print(i, describe(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
