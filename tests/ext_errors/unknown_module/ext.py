# expect: an extension may import only the core's exported modules, seam and typing
import json

from main import Space


def init_module(space: Space) -> None:
    print(json.dumps(space.name))
