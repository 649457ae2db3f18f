from main import Space


def init_module(space: Space) -> None:
    space.log.append("ext init")
