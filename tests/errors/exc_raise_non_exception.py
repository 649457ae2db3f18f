# expect: raising an instance of a class that is not an exception


class NotAnError:
    pass


def main(argv: list[str]) -> int:
    raise NotAnError()
