# expect: `helpers` is a core module that exports nothing: not importable by an extension
from helpers import double

from main import Space


def init_module(space: Space) -> None:
    print(double(3))
