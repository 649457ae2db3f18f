# Dictionary-heavy: counting string keys, an integer-keyed memo table, iteration in insertion order.


def count_words(n: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    x = 7
    for i in range(n):
        x = (x * 75 + 74) % 65537
        key = "k" + str(x % 5000)
        counts[key] = counts.get(key, 0) + 1
    return counts


def memo_steps(limit: int) -> int:
    memo: dict[int, int] = {1: 0}
    total = 0
    for start in range(2, limit):
        path: list[int] = []
        n = start
        while n not in memo:
            path.append(n)
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
        steps = memo[n]
        i = len(path) - 1
        while i >= 0:
            steps += 1
            memo[path[i]] = steps
            i -= 1
        total += memo[start]
    return total


def main(argv: list[str]) -> int:
    n = 1000000
    if len(argv) > 1:
        n = int(argv[1])
    counts = count_words(n)
    best = ""
    best_count = 0
    for k, v in counts.items():
        if v > best_count:
            best = k
            best_count = v
    print("distinct:", len(counts), "most common:", best, best_count)
    print("memo total:", memo_steps(n // 4))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
