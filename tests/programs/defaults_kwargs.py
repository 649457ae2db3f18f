# Default parameter values (literals) and keyword arguments.


def greet(name: str, greeting: str = "Hello", punct: str = "!") -> str:
    return greeting + ", " + name + punct


def scale(x: float, factor: float = 2.0, offset: int = 0) -> float:
    return x * factor + offset


def repeat(s: str, times: int = 2, sep: str = "") -> str:
    out = ""
    for i in range(times):
        if i > 0:
            out = out + sep
        out = out + s
    return out


def flags(verbose: bool = False, limit: int = -1, name: str = "none") -> str:
    return f"verbose={verbose} limit={limit} name={name}"


def opt(label: str, value: str | None = None) -> str:
    if value is None:
        return label + ": (unset)"
    return label + ": " + value


def main(argv: list[str]) -> int:
    print(greet("Ada"))
    print(greet("Ada", "Hi"))
    print(greet("Ada", "Hi", "?"))
    print(greet("Ada", punct="."))
    print(greet(name="Bob", greeting="Howdy"))
    print(greet(punct="!!", name="Cy"))
    print(scale(1.5), scale(1.5, 3.0), scale(1.5, offset=10), scale(x=2.0, factor=0.5))
    print(repeat("ab"), repeat("ab", 3), repeat("ab", sep="-"), repeat("ab", 4, "+"))
    print(repeat(times=0, s="x") == "")
    print(flags())
    print(flags(True))
    print(flags(limit=5))
    print(flags(name="x", verbose=True))
    print(opt("a"), opt("b", "set"), opt("c", value="kw"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
