# Nested try statements: inner handlers, fall-through to outer ones, finally ordering.


def risky(kind: str) -> int:
    if kind == "value":
        raise ValueError("v")
    if kind == "key":
        raise KeyError("k")
    if kind == "type":
        raise TypeError("t")
    return 1


def run(kind: str) -> list[str]:
    log: list[str] = []
    try:
        log.append("outer try")
        try:
            log.append("inner try")
            risky(kind)
            log.append("inner ok")
        except ValueError as e:
            log.append("inner caught " + str(e))
        finally:
            log.append("inner finally")
        log.append("between")
        try:
            try:
                risky("key" if kind == "type" else "none")
            finally:
                log.append("innermost finally")
        except KeyError as e:
            log.append("second inner caught " + str(e))
    except KeyError as e:
        log.append("outer caught key " + str(e))
    except TypeError as e:
        log.append("outer caught type " + str(e))
    finally:
        log.append("outer finally")
    return log


def main(argv: list[str]) -> int:
    for kind in ["none", "value", "key", "type"]:
        print(kind, run(kind))
    depth = 0
    try:
        try:
            try:
                depth = 3
                raise IndexError("deep")
            except KeyError:
                depth = -1
        except ValueError:
            depth = -2
    except IndexError as e:
        print("caught at top:", str(e), depth)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
