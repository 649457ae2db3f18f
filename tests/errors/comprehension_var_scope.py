# expect: name 'i' is not defined


def main(argv: list[str]) -> int:
    xs = [i * 2 for i in range(3)]
    print(xs, i)
    return 0
