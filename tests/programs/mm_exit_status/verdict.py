# Computes the exit status: the number of failing scores.

PASS_MARK = 50


def status(scores: list[int]) -> int:
    failed = 0
    for s in scores:
        if s < PASS_MARK:
            print("failed:", s)
            failed += 1
    return failed + 1
