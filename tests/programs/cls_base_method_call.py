# Overrides that call the overridden implementation with `Base.method(self, ...)`.


class Formatter:
    prefix: str

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def fmt(self, value: int) -> str:
        return self.prefix + str(value)

    def fmt_all(self, values: list[int]) -> str:
        parts: list[str] = []
        for v in values:
            parts.append(self.fmt(v))
        return ", ".join(parts)


class Bracketed(Formatter):
    def fmt(self, value: int) -> str:
        return "[" + Formatter.fmt(self, value) + "]"


class Doubled(Bracketed):
    def fmt(self, value: int) -> str:
        # Skip Bracketed and go straight to the root implementation too.
        return Bracketed.fmt(self, value * 2) + "~" + Formatter.fmt(self, value)

    def fmt_all(self, values: list[int]) -> str:
        return "{" + Formatter.fmt_all(self, values) + "}"


def main(argv: list[str]) -> int:
    fs: list[Formatter] = [Formatter("#"), Bracketed("@"), Doubled("$")]
    for f in fs:
        print(f.fmt(7))
        print(f.fmt_all([1, 2, 3]))
    d = Doubled("%")
    print(Formatter.fmt(d, 5), Bracketed.fmt(d, 5), d.fmt(5))
    print(Formatter.fmt_all(d, [4]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
