# expect: an except clause naming a class that is not an exception


class Plain:
    pass


def main(argv: list[str]) -> int:
    try:
        print("hi")
    except Plain:
        print("never")
    return 0
