# Standard input and the standard streams: input() with and without a
# prompt, sys.stdin.readline(), iteration over sys.stdin, sys.stdout.write,
# sys.stderr.write, print(file=sys.stderr), and EOFError at the end.
# The harness feeds io_stdin_lines.stdin.
import sys


def main(argv: list[str]) -> int:
    name = input()
    print("first:", repr(name))
    age = input("age? ")
    print("second:", repr(age))
    print("readline:", repr(sys.stdin.readline()))
    n = sys.stdout.write("written with sys.stdout.write\n")
    print("wrote", n, "characters")
    sys.stderr.write("to stderr\n")
    print("also to stderr", 1, 2, file=sys.stderr)
    count = 0
    for line in sys.stdin:
        count += 1
        sys.stdout.write(str(count) + ": " + line.rstrip("\n").upper() + "|\n")
        if line == "stop\n":
            break
    print("rest:", repr(sys.stdin.read()))
    print("at the end:", repr(sys.stdin.readline()), repr(sys.stdin.read()))
    try:
        input("> ")
    except EOFError as e:
        print()
        print("EOFError:", e)
    sys.stdout.flush()
    print("flushed", flush=True)
    sys.stderr.flush()
    try:
        sys.stdin.write("x")
    except OSError as e:
        print("stdin:", e)
    try:
        sys.stdout.read()
    except OSError as e:
        print("stdout:", e)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
