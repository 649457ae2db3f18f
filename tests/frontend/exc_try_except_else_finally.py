def parse(s: str) -> int:
    try:
        n = int(s)
    except ValueError as e:
        print("bad:", e)
        return -1
    else:
        print("ok")
    finally:
        print("done")
    return n


def main(argv: list[str]) -> int:
    print(parse("5"), parse("x"))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
