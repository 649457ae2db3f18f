# expect: extension functions of the wrong Callable type, and keyword arguments through a core Callable
from main import Space


def total(xs: list[str]) -> int:
    return len(xs)


def shout(s: str, loud: bool) -> None:
    print(s)


def init_module(space: Space) -> None:
    space.builtins["total"] = total
    space.hook = shout
    space.hook(s="x")
