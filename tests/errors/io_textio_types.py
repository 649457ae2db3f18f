# expect: IO of bytes, and IO without an argument


from typing import IO


def f(a: IO[bytes]) -> None:
    pass


def g(b: IO) -> None:
    pass


def main(argv: list[str]) -> int:
    return 0
