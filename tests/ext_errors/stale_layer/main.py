# runtime: an extension built against an older build of the extension it builds on
# (polys has since changed its ABI) is refused at load with an ImportError naming both
# fingerprints; so is one whose dependency is not loaded at all.
from seam import export, load_extension


@export
class Space:
    log: list[str]

    def __init__(self) -> None:
        self.log = []


def main(argv: list[str]) -> int:
    space = Space()
    try:
        load_extension("shapes", space)
    except ImportError as e:
        print("before polys:", str(e))
    load_extension("polys", space)
    try:
        load_extension("shapes", space)
        print("shapes loaded?")
    except ImportError as e:
        # The fingerprints change with every change of the runtime ABI: masked,
        # but they must be two, of sixteen hex digits each, and differ.
        words = str(e).split(" ")
        prints = [w[: w.index("…")] for w in words if "…" in w]
        hexes = [len(p) == 16 and all(c in "0123456789abcdef" for c in p) for p in prints]
        print("stale:", " ".join(["<fingerprint>" + w[w.index("…") + 1 :] if "…" in w else w for w in words]))
        print("two fingerprints:", len(prints) == 2, all(hexes), len(set(prints)) == 2)
    print(space.log)
    return 0
