# expect: --exports names a file that does not exist: one clear error
from main import Space


def init_module(space: Space) -> None:
    print(space.name)
