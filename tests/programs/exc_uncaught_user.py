# A user exception escaping main: the traceback's last line names the class qualified by the
# entry module's name (the file stem under `seam py`), and the exit status is 1.


class MyError(Exception):
    code: int

    def __init__(self, code: int, msg: str) -> None:
        super().__init__(msg)
        self.code = code


def work(n: int) -> int:
    if n > 2:
        raise MyError(n, "too big: " + str(n))
    return n * 10


def main(argv: list[str]) -> int:
    for i in range(5):
        try:
            print(work(i))
        except ValueError:
            print("never")
        finally:
            print("finally", i)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
