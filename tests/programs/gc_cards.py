"""Young objects stored into big old containers (lists, dicts, sets), whose
element arrays the collector remembers by card: item stores, appends, extend,
insert, sort, dict and set insertions, across many minor collections."""


class Box:
    v: int

    def __init__(self, v: int) -> None:
        self.v = v


def churn(n: int) -> int:
    total = 0
    for j in range(n):
        total += Box(j).v
    return total


def total_of(xs: list[Box]) -> int:
    total = 0
    for b in xs:
        total += b.v
    return total


def main(argv: list[str]) -> int:
    xs: list[Box] = []
    for i in range(3000):
        xs.append(Box(i))
    churn(2000)
    for r in range(4):
        for i in range(r, 3000, 97):
            xs[i] = Box(i * (r + 1))
        xs[-1] = Box(-r)
        churn(500)
    print(total_of(xs))
    xs.extend([Box(k) for k in range(200)])
    xs.insert(5, Box(12345))
    churn(500)
    xs.reverse()
    print(len(xs), xs[0].v, xs[-1].v, total_of(xs))
    d: dict[int, Box] = {}
    for i in range(1500):
        d[i] = Box(i)
    churn(500)
    for i in range(0, 1500, 13):
        d[i] = Box(-i)
    del d[7]
    churn(500)
    s: set[str] = set()
    for i in range(1200):
        s.add(str(i))
    churn(500)
    for i in range(1200, 1300):
        s.add(str(i))
    dt = 0
    for k in d:
        dt += d[k].v
    print(dt, len(d), len(s), "1250" in s)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
