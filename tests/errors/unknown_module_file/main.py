# expect: importing a program module that does not exist
import helpers
import nonexistent_module


def main(argv: list[str]) -> int:
    return helpers.ONE
