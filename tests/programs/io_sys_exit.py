# sys.exit raises SystemExit: `finally` blocks and `with` statements run on
# the way out, `except Exception` does not catch it, `except SystemExit` and
# a bare `except` do; uncaught, it ends the program with its status and
# prints nothing. Files left open are flushed at exit.
import sys


def leave(code: int) -> int:
    try:
        if code > 0:
            sys.exit(code)
        return 0
    finally:
        print("finally in leave", code)


def caught() -> None:
    try:
        sys.exit(7)
    except SystemExit as e:
        print("caught SystemExit:", repr(str(e)))
    try:
        sys.exit()
    except SystemExit as e:
        print("caught SystemExit without a status:", repr(str(e)))
    try:
        leave(9)
    except:
        print("a bare except catches it too")


def main(argv: list[str]) -> int:
    caught()
    out = open(argv[1] + "/log.txt", "w")
    out.write("written before exit\n")
    f = open(argv[1] + "/other.txt", "w")
    try:
        with f:
            f.write("x")
            try:
                leave(3)
            except Exception:
                print("not reached: SystemExit is no Exception")
            print("not reached either")
    finally:
        print("outer finally")
        print("with closed the file:", f.closed)
        print("log still open:", not out.closed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
