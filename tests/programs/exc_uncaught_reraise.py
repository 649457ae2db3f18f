# A bare raise that re-raises a builtin KeyError out of main.


def main(argv: list[str]) -> int:
    d = {"x": 1}
    for k in ["x", "y"]:
        try:
            print(k, d[k])
        except KeyError:
            print("re-raising for", k)
            raise
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
