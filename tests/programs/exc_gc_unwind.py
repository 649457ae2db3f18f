# Many objects allocated while exceptions unwind through frames that hold references:
# objects reachable only from locals of unwound frames, from the exception itself, and from
# lists that survive the catch.


class Blob:
    data: list[int]
    link: "Blob | None"

    def __init__(self, n: int, link: "Blob | None") -> None:
        self.data = [n] * 8
        self.link = link


class Carrier(Exception):
    blob: Blob

    def __init__(self, blob: Blob) -> None:
        super().__init__("carrying " + str(blob.data[0]))
        self.blob = blob


def dig(depth: int, acc: Blob | None) -> int:
    here = Blob(depth, acc)
    junk: list[Blob] = []
    for i in range(20):
        junk.append(Blob(i, None))
    if depth == 0:
        raise Carrier(here)
    return dig(depth - 1, here) + len(junk)


def chain_len(b: Blob | None) -> int:
    n = 0
    while b is not None:
        n += 1
        b = b.link
    return n


def main(argv: list[str]) -> int:
    # Smaller sizes for the SEAM_GC_STRESS=1 runs: argv[1] rounds, argv[2] depth.
    n = int(argv[1]) if len(argv) > 1 else 200
    depth = int(argv[2]) if len(argv) > 2 else 30
    kept: list[Blob] = []
    total = 0
    for rnd in range(n):
        try:
            dig(depth, None)
        except Carrier as c:
            if rnd % 50 == 0:
                kept.append(c.blob)
            total += chain_len(c.blob) + c.blob.data[0]
    print(total, len(kept))
    for b in kept:
        print(chain_len(b), b.data[0], b.data[7])
    survivors: list[Blob] = []
    for i in range(n * 15):
        try:
            b = Blob(i, None)
            if i % 3 == 0:
                raise ValueError(str(i))
            survivors.append(b)
        except ValueError:
            pass
    s = 0
    for b in survivors:
        s += b.data[0]
    print(len(survivors), s)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
