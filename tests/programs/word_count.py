# Word frequencies over a text: normalisation, counting, and a stable top-N.

TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair, we had everything
before us, we had nothing before us, we were all going direct to Heaven, we
were all going direct the other way."""


def normalise(word: str) -> str:
    out = ""
    for ch in word.lower():
        if ch.isalpha():
            out = out + ch
    return out


def main(argv: list[str]) -> int:
    counts: dict[str, int] = {}
    total = 0
    for raw in TEXT.split():
        w = normalise(raw)
        if w == "":
            continue
        counts[w] = counts.get(w, 0) + 1
        total += 1
    print("words", total, "distinct", len(counts))
    by_count: dict[int, list[str]] = {}
    for word, c in counts.items():
        by_count.setdefault(c, []).append(word)
    levels = sorted(list(by_count.keys()))
    levels.reverse()
    shown = 0
    for level in levels:
        names = sorted(by_count[level])
        for name in names:
            if shown < 12:
                print(level, name)
                shown += 1
    lengths: dict[int, int] = {}
    for word2 in counts:
        lengths[len(word2)] = lengths.get(len(word2), 0) + 1
    for length in sorted(list(lengths.keys())):
        print("length", length, "#" * lengths[length])
    lines = TEXT.split("\n")
    print("lines", len(lines), "longest", max(len(lines[0]), len(lines[1])))
    letters = 0
    for ch in TEXT:
        if ch.isalpha():
            letters += 1
    print("letters", letters, "commas", len(TEXT.split(",")) - 1)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
