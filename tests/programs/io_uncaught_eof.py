# input() at the end of standard input (the harness gives an empty one when
# there is no NAME.stdin): an uncaught EOFError, after the prompt.
def main(argv: list[str]) -> int:
    print("before")
    line = input("prompt: ")
    print("not reached", line)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
