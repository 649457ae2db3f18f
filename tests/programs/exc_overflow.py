# OverflowError raised explicitly and by int() of an infinite float; ValueError for nan.


def to_int(x: float) -> int:
    return int(x)


def main(argv: list[str]) -> int:
    inf = float("inf")
    for x in [2.5, -7.9, inf, -inf, float("nan")]:
        try:
            print(to_int(x))
        except OverflowError as e:
            print("overflow:", str(e))
        except ValueError as e:
            print("value:", str(e))
    try:
        raise OverflowError("manual overflow")
    except OverflowError as e:
        print(str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
