def f(xs: list[int]) -> int:
    total = 0
    for x in xs:
        try:
            if x == 0:
                continue
            if x < 0:
                break
            total += x
        finally:
            total += 100
    try:
        return total
    finally:
        print("leaving")


def main(argv: list[str]) -> int:
    print(f([1, 0, 2, -1, 5]))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
