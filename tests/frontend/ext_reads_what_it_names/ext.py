# Reads Space and make_box by name, Box through make_box's result, Shape
# through Box's field, Base as Shape's parent, and the global count: none of
# the rest of the core's exports (naming one, even in a comment, would read it).
import main
from main import Space, make_box


def init_module(space: Space) -> None:
    box = make_box()
    print(box.item.area(), box.item.tag)
    main.count += 1
