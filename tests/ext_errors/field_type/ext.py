# expect: assigning a str to a core class's int field, and a float to an Exported[int]
import main
from main import Space, W_Root


def init_module(space: Space) -> None:
    w = W_Root(1)
    w.value = "one"
    main.COUNTER = 1.5
