# expect: staticmethod is not supported


class Util:
    @staticmethod
    def twice(x: int) -> int:
        return x * 2


def main(argv: list[str]) -> int:
    return Util.twice(2)
