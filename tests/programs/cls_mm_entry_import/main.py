# A module imports classes from the entry module by its stem (`from main import ...`) and
# subclasses them; main uses the subclasses through the base type. One copy of `main` only,
# so isinstance against main's classes holds for objects made in the plugin.
from seam import export


@export
class Plugin:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def run(self, x: int) -> int:
        return x


class PluginError(Exception):
    plugin: str

    def __init__(self, plugin: str, msg: str) -> None:
        super().__init__(plugin + ": " + msg)
        self.plugin = plugin


import plugins


def main(argv: list[str]) -> int:
    ps = plugins.all_plugins()
    ps.append(Plugin("identity"))
    for p in ps:
        try:
            print(p.name, p.run(5), isinstance(p, Plugin), isinstance(p, plugins.Doubler))
        except PluginError as e:
            print("plugin failed:", str(e), e.plugin)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
