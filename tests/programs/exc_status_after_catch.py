# main catches everything and turns it into an exit status.


class UsageError(Exception):
    pass


def run(args: list[str]) -> int:
    if len(args) < 2:
        raise UsageError("usage: prog N")
    return int(args[1]) * 2


def main(argv: list[str]) -> int:
    try:
        print(run(argv))
        print(run(["prog", "x"]))
    except UsageError as e:
        print("usage error:", str(e))
        return 2
    except ValueError as e:
        print("bad number:", str(e))
        return 3
    finally:
        print("done")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
