# Bare `raise` inside except re-raises the current exception, through several frames.


class AppError(Exception):
    code: int

    def __init__(self, code: int, msg: str) -> None:
        super().__init__(msg)
        self.code = code


def inner(n: int) -> int:
    if n % 2 == 1:
        raise AppError(n, "odd " + str(n))
    return n // 0 if n == 4 else n


def middle(n: int, log: list[str]) -> int:
    try:
        return inner(n)
    except AppError as e:
        log.append("middle saw " + str(e.code))
        raise
    except ZeroDivisionError:
        log.append("middle saw zero")
        raise


def outer(n: int) -> str:
    log: list[str] = []
    try:
        v = middle(n, log)
        return "value " + str(v) + " " + str(log)
    except AppError as e:
        return "app " + str(e) + " code=" + str(e.code) + " " + str(log)
    except ZeroDivisionError as e:
        return "zero " + str(e) + " " + str(log)


def selective(s: str) -> int:
    try:
        return int(s)
    except ValueError as e:
        if s == "":
            return 0
        raise


def main(argv: list[str]) -> int:
    for n in range(6):
        print(outer(n))
    print(selective("12"), selective(""))
    try:
        selective("x1")
    except ValueError as e:
        print("re-raised:", str(e))
    # Re-raise after a nested try that handled its own exception.
    try:
        try:
            raise AppError(7, "first")
        except AppError:
            try:
                raise KeyError("inner")
            except KeyError:
                pass
            raise
    except AppError as e:
        print("still the first:", str(e), e.code)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
