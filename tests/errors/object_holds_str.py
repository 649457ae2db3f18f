# expect: an object parameter holds class instances and None only, not a str
def show(o: object) -> None:
    print(o)


def main(argv: list[str]) -> int:
    show("text")
    return 0
