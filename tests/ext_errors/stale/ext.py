from main import Space, combine


def init_module(space: Space) -> None:
    print("stale extension ran:", combine(1, 2))
