from main import Plugin, PluginError
import main


class Doubler(Plugin):
    def __init__(self) -> None:
        super().__init__("doubler")

    def run(self, x: int) -> int:
        return 2 * x


class Failing(main.Plugin):
    def run(self, x: int) -> int:
        raise PluginError(self.name, "cannot handle " + str(x))


class Chained(Doubler):
    def run(self, x: int) -> int:
        return super().run(x) + Plugin.run(self, x)


def all_plugins() -> list[Plugin]:
    return [Doubler(), Failing("broken"), Chained()]
