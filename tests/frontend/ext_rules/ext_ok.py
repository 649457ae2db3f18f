from main import Sealed, Space


def init_module(space: Space) -> None:
    print(Sealed().f())
