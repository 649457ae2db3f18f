from main import Space, fail_if

READY: int = fail_if(False, "fine")


def init_module(space: Space) -> None:
    space.names.append("good " + str(READY))
