# Exception instances as ordinary values: stored in lists, passed to functions, raised later,
# inspected with isinstance after `except Exception as e`.


class Problem(Exception):
    severity: int

    def __init__(self, msg: str, severity: int) -> None:
        super().__init__(msg)
        self.severity = severity


class Warning_(Problem):
    def __init__(self, msg: str) -> None:
        super().__init__(msg, 1)


def make(i: int) -> Exception:
    if i == 0:
        return ValueError("v" + str(i))
    if i == 1:
        return Problem("p" + str(i), 5)
    if i == 2:
        return Warning_("w" + str(i))
    return RuntimeError("r" + str(i))


def describe(e: Exception) -> str:
    if isinstance(e, Warning_):
        return "warning(" + str(e) + ", " + str(e.severity) + ")"
    if isinstance(e, Problem):
        return "problem(" + str(e) + ", " + str(e.severity) + ")"
    if isinstance(e, (ValueError, RuntimeError)):
        return "builtin(" + str(e) + ")"
    return "other"


def raise_it(e: Exception) -> None:
    raise e


def main(argv: list[str]) -> int:
    pending: list[Exception] = []
    for i in range(4):
        pending.append(make(i))
    for e in pending:
        print(describe(e), str(e))
    caught: list[Exception] = []
    for e in pending:
        try:
            raise_it(e)
        except Problem as p:
            p.severity += 10
            caught.append(p)
        except Exception as other:
            caught.append(other)
    for c in caught:
        print(describe(c), c is pending[caught.index(c)])
    last: Exception | None = None
    for i in range(3):
        try:
            if i == 2:
                raise KeyError("last one")
        except Exception as e:
            last = e
    if last is not None:
        print("remembered:", str(last), isinstance(last, KeyError))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
