# Guile's hash tables (make-hash-table, hash-ref, hash-set!, hash-remove!,
# hash-count, hash-clear!), keyed by `equal?`, compiled separately from the
# interpreter core.  A table object is a handle: the tables' contents live in
# this module's globals, which the collector must find as the extension's
# static roots (SEAM_GC_STRESS=1 checks it on every allocation).
from objects import (
    SchemeError,
    Space,
    W_Int,
    W_Object,
    make_int,
    unspecified,
    w_bool,
    wrong_type,
)
from evaluator import call_procedure


class HashKey:
    # A Scheme value as a dict key: hashed and compared as `equal?` does.
    obj: W_Object

    def __init__(self, obj: W_Object) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return self.obj.hash_value()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HashKey) and self.obj.equal(other.obj)


class W_HashTable(W_Object):
    slot: int

    def __init__(self, slot: int) -> None:
        self.slot = slot

    def write(self) -> str:
        return "#<hash-table " + str(len(CONTENTS[self.slot])) + ">"

    def type_name(self) -> str:
        return "hash-table"


# Every table's entries, indexed by W_HashTable.slot.
CONTENTS: list[dict[HashKey, W_Object]] = []
# The keys' original objects stay reachable through the HashKey wrappers.
CREATED: list[int] = [0]


def table(x: W_Object, who: str) -> dict[HashKey, W_Object]:
    if isinstance(x, W_HashTable):
        return CONTENTS[x.slot]
    raise wrong_type(who, "hash table", x)


def b_make_hash_table(args: list[W_Object]) -> W_Object:
    if len(args) > 0 and not isinstance(args[0], W_Int):
        raise wrong_type("make-hash-table", "exact integer", args[0])
    CONTENTS.append({})
    CREATED[0] += 1
    return W_HashTable(len(CONTENTS) - 1)


def b_hash_set(args: list[W_Object]) -> W_Object:
    table(args[0], "hash-set!")[HashKey(args[1])] = args[2]
    return unspecified()


def b_hash_ref(args: list[W_Object]) -> W_Object:
    found = table(args[0], "hash-ref").get(HashKey(args[1]))
    if found is not None:
        return found
    return args[2] if len(args) > 2 else w_bool(False)


def b_hash_remove(args: list[W_Object]) -> W_Object:
    t = table(args[0], "hash-remove!")
    key = HashKey(args[1])
    if key in t:
        del t[key]
    return unspecified()


def b_hash_count(args: list[W_Object]) -> W_Object:
    n = 0
    for key, value in list(table(args[1], "hash-count").items()):
        if call_procedure(args[0], [key.obj, value]) is not w_bool(False):
            n += 1
    return make_int(n)


def b_hash_clear(args: list[W_Object]) -> W_Object:
    table(args[0], "hash-clear!").clear()
    return unspecified()


def b_hash_table_p(args: list[W_Object]) -> W_Object:
    return w_bool(isinstance(args[0], W_HashTable))


def init_module(space: Space) -> None:
    if CREATED[0] < 0:
        raise SchemeError("hashtables: corrupt state", [])
    space.register("make-hash-table", 0, 1, b_make_hash_table)
    space.register("hash-set!", 3, 3, b_hash_set)
    space.register("hash-ref", 2, 3, b_hash_ref)
    space.register("hash-remove!", 2, 2, b_hash_remove)
    space.register("hash-count", 2, 2, b_hash_count)
    space.register("hash-clear!", 1, 1, b_hash_clear)
    space.register("hash-table?", 1, 1, b_hash_table_p)
