# Module globals: constants, annotated globals, `global` rebinding, mutation without `global`.

LIMIT = 5
GREETING = "hi"
RATIO = 0.5
ENABLED = True
counter: int = 0
total: float = 0.0
log: list[str] = []
registry: dict[str, int] = {}
name: str = "initial"


def bump() -> int:
    global counter
    counter += 1
    return counter


def add(x: float) -> None:
    global total
    total = total + x


def record(msg: str) -> None:
    log.append(msg)
    registry[msg] = len(log)


def rename(new: str) -> None:
    global name
    name = new


def shadow() -> int:
    counter = 100
    return counter


def main(argv: list[str]) -> int:
    print(LIMIT, GREETING, RATIO, ENABLED, counter, total, log, registry, name)
    for i in range(LIMIT):
        bump()
    print("counter", counter)
    print("shadow", shadow(), "counter still", counter)
    add(1.5)
    add(RATIO)
    print("total", total)
    record("a")
    record("b")
    record("a")
    print(log, registry)
    rename("changed")
    print(name, GREETING * LIMIT)
    if ENABLED and counter == LIMIT:
        print("consistent")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
