# String building and scanning: join, split, slicing, find, replace, case mapping.
# (Repeated concatenation is measured separately, in concat.py.)

WORDS: list[str] = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]


def make_text(n: int, seed: int) -> str:
    parts: list[str] = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        w = WORDS[x % len(WORDS)]
        if x % 7 == 0:
            w = w.upper()
        parts.append(w + str(i % 13))
    return " ".join(parts)


def scan(text: str) -> int:
    score = 0
    for word in text.split(" "):
        if word.startswith("e") or word.endswith("3"):
            score += len(word)
        if word.isupper():
            score += 1
        score += word.find("a") + 1
    return score


def main(argv: list[str]) -> int:
    n = 400000
    if len(argv) > 1:
        n = int(argv[1])
    text = make_text(n, 42)
    print("length:", len(text))
    print("score:", scan(text))
    lowered = text.lower().replace("eta", "ETA")
    print("ETA count:", len(lowered.split("ETA")) - 1)
    vowels = 0
    for ch in text[0:200000]:
        if ch in "aeiou":
            vowels += 1
    print("vowels:", vowels)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
