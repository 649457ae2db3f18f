# Linked into the core (link = "static").
from main import Space, shout


def init_module(space: Space) -> None:
    space.lines.append(shout("statics linked in"))
