# Extension-call overhead, core side. The same loop — calls to an exported
# function, field reads, virtual calls and isinstance tests on core objects —
# runs either in CoreRunner.run (compiled into the core) or in ExtRunner.run
# (bench/ext/calls/ext.py, compiled by build-ext against this core's exports
# and loaded at run time). The two `run` bodies are textually identical;
# bench/run.py checks that.
#
#   main.py core ROUNDS          run the loop in the core
#   main.py ext ROUNDS EXT_PATH  load EXT_PATH (which installs an ExtRunner), run it there

from seam import export, load_extension


@export
class Item:
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def step(self, k: int) -> int:
        return k + self.value


@export
class Twice(Item):
    def step(self, k: int) -> int:
        return k + 2 * self.value


@export
class Masked(Item):
    mask: int

    def __init__(self, value: int, mask: int) -> None:
        super().__init__(value)
        self.mask = mask

    def step(self, k: int) -> int:
        return (k ^ self.value) & self.mask


@export
def mix(a: int, b: int) -> int:
    return (a * 31 + b) & 0xFFFFFF


@export
class Runner:
    def run(self, items: list[Item], rounds: int) -> int:
        return 0


@export
class Bench:
    runner: Runner

    def __init__(self) -> None:
        self.runner = Runner()


class CoreRunner(Runner):
    def run(self, items: list[Item], rounds: int) -> int:
        total = 0
        for r in range(rounds):
            k = r & 255
            for it in items:
                total = mix(total, it.value)
                total += it.step(k)
                if isinstance(it, Masked):
                    total += it.mask
                elif isinstance(it, Twice):
                    total -= it.value
        return total


def main(argv: list[str]) -> int:
    mode = argv[1]
    rounds = int(argv[2])
    items: list[Item] = []
    for i in range(64):
        if i % 3 == 0:
            items.append(Item(i))
        elif i % 3 == 1:
            items.append(Twice(i))
        else:
            items.append(Masked(i, 0x3FF))
    bench = Bench()
    if mode == "core":
        bench.runner = CoreRunner()
    else:
        load_extension(argv[3], bench)
    print("rounds:", rounds, "result:", bench.runner.run(items, rounds))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
