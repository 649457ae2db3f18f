import main
from main import Config, Hooks


def init_module(hooks: Hooks) -> None:
    print("ext2 sees:", main.COUNTER, main.NAMES, main.CURRENT.level)
    main.NAMES = main.NAMES + ["ext2"]
    main.CURRENT = Config(main.CURRENT.level + 1)
    main.MAYBE = None
    main.LABEL = None
    main.COUNTER = -1
