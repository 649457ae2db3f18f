# An exception raised inside an except handler, and inside a finally block.


class Wrapped(Exception):
    inner: str

    def __init__(self, msg: str, inner: str) -> None:
        super().__init__(msg)
        self.inner = inner


def convert(s: str) -> int:
    try:
        return int(s)
    except ValueError as e:
        raise Wrapped("cannot convert " + repr(s), str(e))


def cleanup_fails(n: int) -> int:
    try:
        if n > 0:
            raise ValueError("body failed")
        return n
    finally:
        if n >= 0:
            raise RuntimeError("cleanup failed " + str(n))


def handler_fails_then_caught(log: list[str]) -> None:
    try:
        try:
            raise KeyError("a")
        except KeyError:
            log.append("handling a")
            raise IndexError("b")
        except IndexError:
            log.append("not reached: sibling handler")
    except IndexError as e:
        log.append("outer got " + str(e))


def main(argv: list[str]) -> int:
    for s in ["10", "ten"]:
        try:
            print(convert(s))
        except Wrapped as w:
            print(str(w), "|", w.inner)
    for n in [-1, 0, 1]:
        try:
            print("returned", cleanup_fails(n))
        except RuntimeError as e:
            print("runtime:", str(e))
        except ValueError as e:
            print("value:", str(e))
    log: list[str] = []
    handler_fails_then_caught(log)
    print(log)
    # The handler's own exception replaces the original; finally still runs.
    trail: list[str] = []
    try:
        try:
            raise ValueError("first")
        except ValueError:
            trail.append("in handler")
            raise TypeError("second")
        finally:
            trail.append("finally")
    except TypeError as e:
        trail.append("caught " + str(e))
    except ValueError as e:
        trail.append("wrong " + str(e))
    print(trail)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
