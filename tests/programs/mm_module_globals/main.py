# Reading another module's globals as module.NAME sees their current value.
import store

count: int = 100


def main(argv: list[str]) -> int:
    print(store.LABEL, store.count, store.items, count)
    store.add("apple")
    store.add("pear")
    print(store.count, store.get_count(), store.items, count)
    store.items.append("direct")
    print(store.items, len(store.items), store.get_count())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
