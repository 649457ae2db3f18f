# Exported[T] globals read and written by the extension as `main.NAME`: the
# extension sees the core's current value and the core sees the extension's
# writes, for scalars, containers, optionals and instances.
from seam import Exported, export, load_extension


@export
class Config:
    level: int

    def __init__(self, level: int) -> None:
        self.level = level


@export
class Hooks:
    def on_event(self, what: str) -> None:
        pass


COUNTER: Exported[int] = 0
RATE: Exported[float] = 1.5
VERBOSE: Exported[bool] = False
MOTTO: Exported[str] = "core"
NAMES: Exported[list[str]] = ["core"]
TABLE: Exported[dict[str, int]] = {"one": 1}
CURRENT: Exported[Config] = Config(1)
MAYBE: Exported[Config | None] = None
LABEL: Exported[str | None] = None
HOOK: Exported[Hooks] = Hooks()

private_hits: int = 0


@export
def bump() -> int:
    global COUNTER, private_hits
    COUNTER += 1
    private_hits += 1
    return COUNTER


def show(where: str) -> None:
    m = MAYBE
    maybe = "None" if m is None else str(m.level)
    lab = LABEL
    label = "None" if lab is None else lab
    print(where, COUNTER, RATE, VERBOSE, MOTTO, NAMES, TABLE, CURRENT.level, maybe, label)


def main(argv: list[str]) -> int:
    global COUNTER, MOTTO, NAMES, CURRENT
    hooks = Hooks()
    show("core before:")
    COUNTER = 10
    MOTTO = "changed by core"
    load_extension("ext", hooks)
    show("core after:")
    # The extension's objects read the globals when the core calls them later.
    COUNTER = 500
    NAMES = ["replaced", "by", "core"]
    CURRENT = Config(77)
    HOOK.on_event("after core writes")
    load_extension("ext2", hooks)
    show("core end:")
    print("private", private_hits)
    return 0
