# A shared module in a subdirectory, compiled against the core's exports and
# words' (uses = ["words"]).
from main import Space, shout
from words import twice


def init_module(space: Space) -> None:
    space.lines.append(shout(twice("hello")))
