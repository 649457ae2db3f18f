def main(argv: list[str]) -> int:
    n = len(argv)
    x = 3.14159
    s = "seam"
    print(f"{n} {x:.2f} {s!r} {s:>8} {n:05d} {x:e} {n * 2 = }")
    print(f"{{literal}} {s.upper()}{n:{n + 3}}|")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
