# expect: an attribute the imported module does not define
import helpers


def main(argv: list[str]) -> int:
    print(helpers.VALUE, helpers.missing_function())
    return 0
