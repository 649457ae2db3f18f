# A core whose exported names live in a package (interp.objects,
# interp.errors): the extension imports them by their module paths, with
# `from a.b import X` and with `import a.b` then `a.b.NAME`. Arguments come
# from the command line.
from seam import export, load_extension

import interp.objects
from interp.errors import OperationError
from interp.objects import W_Int, W_Object, wrap


@export
class ObjSpace:
    argv: list[str]
    out: list[W_Object]

    def __init__(self, argv: list[str]) -> None:
        self.argv = argv
        self.out = []


def main(argv: list[str]) -> int:
    space = ObjSpace(argv[1:])
    load_extension("ext", space)
    for w in space.out:
        print(w.repr(), w.truthy(), isinstance(w, W_Int))
    print("created", interp.objects.CREATED)
    try:
        w = space.out[0]
        if not w.truthy():
            raise OperationError("falsy first value", w)
    except OperationError as e:
        print("error:", e, e.w_value.repr())
    return 0
