# super().method(...) in overrides, along a three-level chain, plus super().__init__.


class Logger:
    lines: list[str]
    level: int

    def __init__(self) -> None:
        self.lines = []
        self.level = 0

    def log(self, msg: str) -> None:
        self.lines.append(msg)

    def size(self) -> int:
        return len(self.lines)


class Timestamped(Logger):
    clock: int

    def __init__(self, start: int) -> None:
        super().__init__()
        self.clock = start

    def log(self, msg: str) -> None:
        self.clock += 1
        super().log(str(self.clock) + " " + msg)


class Leveled(Timestamped):
    label: str

    def __init__(self, start: int, label: str) -> None:
        super().__init__(start)
        self.label = label
        self.level = 2

    def log(self, msg: str) -> None:
        super().log(self.label + ": " + msg)

    def size(self) -> int:
        return super().size() * 100


def run(lg: Logger) -> None:
    lg.log("start")
    lg.log("work")
    lg.log("stop")
    print(lg.size(), lg.level)
    for line in lg.lines:
        print("  " + line)


def main(argv: list[str]) -> int:
    run(Logger())
    run(Timestamped(10))
    run(Leveled(100, "INFO"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
