# Extensions of extensions: `polys` exports classes, a function, an exception
# and a global; `shapes` is compiled against the core's exports and polys'
# and subclasses polys' classes, overrides their methods, calls polys'
# functions, catches the core's exception raised in polys. The core calls
# methods on shapes' objects through its own vtables. Loading shapes before
# polys is an ImportError.
from seam import export, load_extension


@export
class GeometryError(Exception):
    pass


@export
class Shape:
    label: str

    def __init__(self, label: str) -> None:
        self.label = label

    def area(self) -> int:
        return 0

    def name(self) -> str:
        return "shape " + self.label


@export
class Space:
    shapes: list[Shape]
    log: list[str]

    def __init__(self) -> None:
        self.shapes = []
        self.log = []


@export
def describe(s: Shape) -> str:
    return s.name() + " of area " + str(s.area())


def main(argv: list[str]) -> int:
    space = Space()
    try:
        load_extension("shapes", space)
        print("shapes loaded alone?")
    except ImportError as e:
        msg = str(e)
        print("shapes first:", msg.startswith("cannot load extension 'shapes"))
        print(msg[msg.index("ImportError"):])
    load_extension("polys", space)
    load_extension("shapes", space)
    load_extension("polys", space)
    for s in space.shapes:
        print(describe(s))
    for line in space.log:
        print(line)
    return 0
