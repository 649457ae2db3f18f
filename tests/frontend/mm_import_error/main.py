# expect: importing a name the module does not define
from helper import missing


def main(argv: list[str]) -> int:
    print(missing())
    return 0
