# expect: a truncated exports file (the first 200 bytes of a real one): one clear error
from main import Space


def init_module(space: Space) -> None:
    print(space.name)
