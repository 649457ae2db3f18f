# expect: builtin method keyword arguments with effects written out of parameter order


def sep(tag: str) -> str:
    print(tag)
    return ","


def count(tag: str) -> int:
    print(tag)
    return 1


def main(argv: list[str]) -> int:
    print("a,b,c".split(maxsplit=count("first"), sep=sep("second")))
    return 0
