# expect: a slack beyond what @export(slack=N) allows
from seam import export


@export(slack=2000000)
class Big:
    pass


def main(argv: list[str]) -> int:
    print(Big() is not None)
    return 0
