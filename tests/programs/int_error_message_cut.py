# CPython cuts the text in int()'s error message to 200 characters of its repr
# (float()'s message is not cut).


def main(argv: list[str]) -> int:
    for n in [10, 198, 199, 200, 300]:
        text = "é" * n
        try:
            int(text)
        except ValueError as e:
            msg = str(e)
            print(n, len(msg), msg[-3:])
        try:
            float(text)
        except ValueError as e:
            print(n, len(str(e)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
