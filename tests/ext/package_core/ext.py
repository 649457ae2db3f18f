import interp.objects
import interp.errors
from interp.objects import W_Int, W_Object
from main import ObjSpace


class W_Str(W_Object):
    s: str

    def __init__(self, s: str) -> None:
        self.s = s

    def repr(self) -> str:
        return repr(self.s)

    def truthy(self) -> bool:
        return len(self.s) > 0


def init_module(space: ObjSpace) -> None:
    for arg in space.argv:
        if arg.isdigit() or (arg.startswith("-") and arg[1:].isdigit()):
            space.out.append(interp.objects.wrap(int(arg)))
        else:
            space.out.append(W_Str(arg))
    space.out.append(W_Int(0))
    space.out.append(interp.objects.W_Int(5))
    print("ext: created so far", interp.objects.CREATED)
    interp.objects.CREATED += 100
    try:
        raise interp.errors.OperationError("from ext", W_Str("payload"))
    except interp.errors.OperationError as e:
        print("ext caught", e, e.w_value.repr())
