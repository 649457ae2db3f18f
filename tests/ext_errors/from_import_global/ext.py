# expect: `from main import COUNTER` of an Exported global copies it under CPython: an error
from main import COUNTER, Space


def init_module(space: Space) -> None:
    print(COUNTER)
