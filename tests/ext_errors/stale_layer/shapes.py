from main import Space
from polys import area


def init_module(space: Space) -> None:
    space.log.append("shapes " + str(area(3)))
