# Extension-call overhead, extension side: ExtRunner.run is CoreRunner.run
# (bench/ext/calls/main.py) compiled by build-ext; it reaches the core's mix,
# Item.value, Item.step and the class ids of Masked and Twice across the boundary.

from main import Bench, Item, Masked, Runner, Twice, mix


class ExtRunner(Runner):
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


def init_module(bench: Bench) -> None:
    bench.runner = ExtRunner()
