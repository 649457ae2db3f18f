# except (A, B) as e, with builtin and user classes, and without `as`.


class ParseError(Exception):
    pass


class EvalError(Exception):
    pass


def step(i: int) -> int:
    xs = [10, 20, 30]
    d = {"a": 1}
    if i == 0:
        return xs[5]
    if i == 1:
        return d["zz"]
    if i == 2:
        return 10 // (i - 2)
    if i == 3:
        raise ParseError("parse " + str(i))
    if i == 4:
        raise EvalError("eval " + str(i))
    if i == 5:
        return int("5five")
    return i * 100


def main(argv: list[str]) -> int:
    for i in range(7):
        try:
            print(i, "->", step(i))
        except (IndexError, KeyError) as e:
            print(i, "lookup error:", str(e))
        except (ZeroDivisionError, ValueError) as e:
            print(i, "arith/value:", str(e))
        except (ParseError, EvalError) as e:
            print(i, "user:", str(e))
    n = 0
    for i in range(7):
        try:
            step(i)
        except (ParseError, EvalError, IndexError):
            n += 1
        except (KeyError, ZeroDivisionError, ValueError):
            n += 10
    print(n)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
