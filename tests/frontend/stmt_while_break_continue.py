def main(argv: list[str]) -> int:
    i = 0
    total = 0
    while True:
        i += 1
        if i % 2 == 0:
            continue
        if i > 9:
            break
        total += i
    print(total)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
