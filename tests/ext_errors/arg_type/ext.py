# expect: passing a str to the int parameter of a core function
from main import Space, scale


def init_module(space: Space) -> None:
    print(scale("3", 2.0))
