import config
from config import bump


def main(argv: list[str]) -> int:
    bump()
    bump()
    config.label = "after"
    print(config.counter, config.label, config.LIMIT)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
