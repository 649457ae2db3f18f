# The same name bound by several `except ... as` clauses of different classes in one
# function, each handler reading its own class's fields.


class Parse(Exception):
    col: int

    def __init__(self, col: int) -> None:
        super().__init__("parse error at " + str(col))
        self.col = col


class Limit(Exception):
    maximum: int

    def __init__(self, maximum: int) -> None:
        super().__init__("over " + str(maximum))
        self.maximum = maximum


def check(s: str) -> int:
    for i in range(len(s)):
        if not s[i].isdigit():
            raise Parse(i)
    v = int(s)
    if v > 100:
        raise Limit(100)
    return v


def main(argv: list[str]) -> int:
    for s in ["42", "4x2", "500", "7"]:
        try:
            print(s, check(s))
        except Parse as e:
            print(s, str(e), e.col)
        except Limit as e:
            print(s, str(e), e.maximum)
    for s in ["1", "y"]:
        try:
            check(s)
        except Parse as err:
            print("again", err.col)
    try:
        check("1000")
    except Limit as err2:
        print("limit", err2.maximum)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
