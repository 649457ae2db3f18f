# expect: a file that is not an exports file: one clear error
from main import Space


def init_module(space: Space) -> None:
    print(space.name)
