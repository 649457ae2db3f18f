# expect: init_module takes one exported core class and returns None
from main import Space


def init_module(space: Space, verbose: bool) -> int:
    return 0
