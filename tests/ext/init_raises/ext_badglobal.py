from main import Space, fail_if

READY: int = fail_if(True, "global initialiser failed")


def init_module(space: Space) -> None:
    space.names.append("never")
