def check(n: int) -> int:
    try:
        if n < 0:
            raise ValueError("negative")
        return 10 // n
    except ZeroDivisionError as e:
        raise RuntimeError("zero") from e
    except ValueError:
        raise


def main(argv: list[str]) -> int:
    for n in [2, 0, -1]:
        try:
            print(check(n))
        except (RuntimeError, ValueError) as e:
            print(type(e).__name__, e)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
