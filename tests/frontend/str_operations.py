def main(argv: list[str]) -> int:
    s = "Hello, World"
    print(s + "!", s * 2, s[0], s[-1], s[1:5], s[::-1], len(s))
    print("lo" in s, s.upper(), s.lower(), s.split(", "), "-".join(["a", "b"]))
    print(s.find("o"), s.replace("l", "L"), s.strip("H"), s.startswith("He"))
    print(s < "World", s == "x", ord("a"), chr(98), str(12), repr("q"))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
