# expect: W_Root.ident is @final in the core: an extension cannot override it
from main import Space, W_Root


class W_Other(W_Root):
    def ident(self) -> int:
        return -1


def init_module(space: Space) -> None:
    print(W_Other(1).ident())
