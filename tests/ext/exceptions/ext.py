from main import InterpError, Op, Ops, TypeMismatch, never_raises, strict


class Raiser(Op):
    def run(self, x: int) -> int:
        if x == 3:
            raise InterpError("ext raised core error", 33)
        if x == -4:
            raise TypeMismatch("positive")
        if x == 0:
            d: dict[str, int] = {}
            return d["missing"]
        if x == 200:
            xs = [1]
            return xs[x]
        return never_raises(x)


class Passthrough(Op):
    def run(self, x: int) -> int:
        return strict(x)


class Catcher(Op):
    def run(self, x: int) -> int:
        try:
            return strict(x)
        except TypeMismatch as e:
            print("  ext caught TypeMismatch", e.expected, e.code)
            return -1
        except InterpError as e:
            print("  ext caught InterpError, re-raising", e.code)
            raise
        except ValueError as e:
            print("  ext caught ValueError:", e)
            raise InterpError("wrapped: " + str(e), 99)
        finally:
            print("  ext finally", x)


def init_module(ops: Ops) -> None:
    ops.ops.append(Raiser())
    ops.ops.append(Passthrough())
    ops.ops.append(Catcher())
    try:
        strict(-1)
    except InterpError as e:
        print("init caught:", str(e), e.code, isinstance(e, TypeMismatch))
    try:
        strict(0)
    except InterpError as e:
        print("init caught:", str(e), e.code, isinstance(e, TypeMismatch))
    else:
        print("not reached")
