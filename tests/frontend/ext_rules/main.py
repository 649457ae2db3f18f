from seam import export, final, load_extension


@export
class Space:
    def __init__(self) -> None:
        pass


@export
@final
class Sealed:
    def f(self) -> int:
        return 1


class Private:
    pass


def main(argv: list[str]) -> int:
    load_extension("ext_bad", Space())
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
