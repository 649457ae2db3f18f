# expect: a corrupt item (main.one) under a matching fingerprint: one clear error, found when the extension names it
from main import Space, one


def init_module(space: Space) -> None:
    print(space.name, one())
