# Global initialisers run once, in source order, before main; they may call
# functions defined above them and read earlier globals.

trace: list[str] = []


def note(msg: str) -> int:
    trace.append(msg)
    return len(trace)


FIRST: int = note("first")
SECOND: int = note("second") * 10
BASE: list[int] = [FIRST, SECOND]
DERIVED: int = BASE[0] + BASE[1]
TABLE: dict[str, int] = {"first": FIRST, "derived": DERIVED}
TITLE: str = "order " + str(DERIVED)


def main(argv: list[str]) -> int:
    print(trace)
    print(FIRST, SECOND, BASE, DERIVED, TABLE, TITLE)
    note("main")
    print(trace, FIRST)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
