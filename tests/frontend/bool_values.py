def main(argv: list[str]) -> int:
    a = len(argv) > 0
    b = not a
    print(a and b, a or b, a == b, a != b, int(a), int(a) + 1)
    s = "x" if a else "y"
    t = s and s.upper()
    u = "" or "default"
    print(s, t, u)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
