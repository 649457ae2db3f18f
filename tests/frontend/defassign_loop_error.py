# expect: a local assigned only inside a loop body, read after it
def last(xs: list[int]) -> int:
    for x in xs:
        y = x
    return y


def main(argv: list[str]) -> int:
    print(last([1]))
    return 0
