# What the per-process key of str hashes decides: hash() of strings, and the
# order of a set of strings. Its output is the same from run to run only when
# SEAM_HASHSEED (PYTHONHASHSEED for CPython) fixes the key.


def main(argv: list[str]) -> int:
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    print(hash("abc"), hash("seam"))
    print(sorted(words) == sorted(set(words)), list(set(words)))
    counts: dict[str, int] = {}
    for w in words * 3:
        counts[w] = counts.get(w, 0) + 1
    print(list(counts.items())[:3])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
