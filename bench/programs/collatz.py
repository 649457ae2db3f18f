# Pure integer arithmetic in a tight while loop: the longest Collatz chain.


def chain_length(start: int) -> int:
    n = start
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def main(argv: list[str]) -> int:
    limit = 70000
    if len(argv) > 1:
        limit = int(argv[1])
    best = 1
    best_len = 1
    for i in range(1, limit):
        length = chain_length(i)
        if length > best_len:
            best = i
            best_len = length
    print("longest chain below", limit, "starts at", best, "with", best_len, "steps")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
