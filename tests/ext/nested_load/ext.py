from seam import load_extension

from main import Space


def init_module(space: Space) -> None:
    space.log.append("ext start")
    load_extension("ext", space)
    load_extension("ext2", space)
    space.log.append("ext end")
