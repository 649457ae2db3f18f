# expect: an extension must define init_module
from main import Space


def init(space: Space) -> None:
    print(space.name)
