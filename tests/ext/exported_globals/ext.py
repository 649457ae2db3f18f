import main
from main import Config, Hooks, bump


class Reader(Hooks):
    def on_event(self, what: str) -> None:
        print("ext hook:", what, main.COUNTER, main.NAMES, main.CURRENT.level)
        main.COUNTER += 1


def init_module(hooks: Hooks) -> None:
    print("ext sees:", main.COUNTER, main.RATE, main.VERBOSE, main.MOTTO)
    print("ext sees:", main.NAMES, main.TABLE, main.CURRENT.level, main.MAYBE is None, main.LABEL)
    main.COUNTER += 5
    print("after bump:", bump(), main.COUNTER)
    main.RATE = main.RATE * 2.0
    main.VERBOSE = not main.VERBOSE
    main.MOTTO = main.MOTTO + " + ext"
    main.NAMES.append("ext")
    main.TABLE["two"] = 2
    main.CURRENT.level = 3
    main.MAYBE = Config(9)
    main.LABEL = "labelled"
    m = main.MAYBE
    if m is not None:
        m.level += 1
    main.HOOK = Reader()
