# try/except/else/finally execution order in every combination.


def attempt(n: int, log: list[str]) -> None:
    try:
        log.append("try")
        if n == 1:
            raise ValueError("one")
        if n == 2:
            raise KeyError("two")
        log.append("try-end")
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")


def only_finally(n: int, log: list[str]) -> int:
    try:
        if n > 0:
            raise RuntimeError("boom " + str(n))
        log.append("body")
    finally:
        log.append("cleanup " + str(n))
    return n


def main(argv: list[str]) -> int:
    for n in range(3):
        log: list[str] = []
        try:
            attempt(n, log)
        except KeyError as e:
            log.append("outer " + str(e))
        print(n, log)
    for n in [0, 3]:
        log2: list[str] = []
        try:
            print(only_finally(n, log2))
        except RuntimeError as e:
            log2.append("caught " + str(e))
        print(log2)
    x = 0
    try:
        x = 1
    except ValueError:
        x = 2
    else:
        x += 10
    finally:
        x += 100
    print(x)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
