# Building a string by repeated concatenation, `acc = acc + piece`.
#
# CPython appends in place when the string has no other reference, so this is
# linear there; a translated program copies the whole string each time, so it
# is quadratic. Kept as a benchmark because interpreters written naively do it.


def build(rounds: int) -> str:
    acc = ""
    for r in range(rounds):
        line = "row" + str(r) + ":" + str(r * r % 97)
        acc = acc + line[1:] + ";"
    return acc


def main(argv: list[str]) -> int:
    rounds = 20000
    if len(argv) > 1:
        rounds = int(argv[1])
    built = build(rounds)
    print("built:", len(built), built[0:40])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
