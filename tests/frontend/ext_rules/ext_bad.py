# expect: an extension naming a private core class, subclassing a @final one, with a wrong init_module
from main import Private, Sealed, Space


class Mine(Sealed):  # type: ignore[misc]
    pass


def init_module(space: Space, extra: int) -> None:
    print(Private())
