from main import Space


def init_module(space: Space) -> None:
    space.names.append("bad (before raising)")
    raise ValueError("init_module refuses")
