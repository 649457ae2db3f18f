# expect: `helper` is a core function that is not exported; the message names the exports file
from main import Space, helper


def init_module(space: Space) -> None:
    print(helper(1))
