# Loaded after the core modified the objects: reads the core's writes,
# including the fields of ext's subclass instance through the base class.
from main import Box, Record


def init_module(box: Box) -> None:
    for r in box.records:
        print("ext2 sees:", r.name, r.count, r.node.weight, r.summary())
