# expect: bare raise outside an except handler


def main(argv: list[str]) -> int:
    raise
