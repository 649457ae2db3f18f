# A user exception with an empty message escapes main: CPython prints just the qualified
# class name, without a colon.


class Empty(Exception):
    pass


def main(argv: list[str]) -> int:
    try:
        raise Empty("")
    except Empty as e:
        print("caught once: [" + str(e) + "]")
    print("raising again")
    raise Empty("")


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
