# Module state: globals mutated by this module's functions and read by others as store.NAME.

items: list[str] = []
count: int = 0
LABEL = "store"


def add(item: str) -> None:
    global count
    items.append(item)
    count += 1


def get_count() -> int:
    return count
