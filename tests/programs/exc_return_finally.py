# return inside try with finally: finally runs and the returned value is kept;
# return inside except; finally after return of a mutated object.


def f(log: list[str]) -> int:
    x = 1
    try:
        x = 2
        return x
    finally:
        x = 3
        log.append("finally saw " + str(x))


def g(n: int, log: list[str]) -> str:
    try:
        if n == 0:
            raise ValueError("zero")
        return "normal " + str(n)
    except ValueError as e:
        log.append("handler")
        return "handled " + str(e)
    finally:
        log.append("g finally " + str(n))


def h(items: list[int]) -> list[int]:
    try:
        return items
    finally:
        items.append(99)


def nested(log: list[str]) -> int:
    try:
        try:
            return 10
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")


def loop_return(log: list[str]) -> int:
    for i in range(10):
        try:
            if i == 3:
                return i * 7
        finally:
            log.append("iter " + str(i))
    return -1


def main(argv: list[str]) -> int:
    log: list[str] = []
    print(f(log), log)
    log = []
    print(g(5, log), g(0, log), log)
    print(h([1, 2]))
    log = []
    print(nested(log), log)
    log = []
    print(loop_return(log), log)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
