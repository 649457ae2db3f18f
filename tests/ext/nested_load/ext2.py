from main import Space

LOADED_AT: int = 0


def init_module(space: Space) -> None:
    global LOADED_AT
    LOADED_AT = len(space.log)
    space.log.append("ext2 at " + str(LOADED_AT))
