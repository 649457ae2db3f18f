# expect: except naming something that is not an exception class
class NotAnError:
    pass


def main(argv: list[str]) -> int:
    try:
        print(1)
    except NotAnError:
        print(2)
    return 0
