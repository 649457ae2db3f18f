import sys

from main import Space, note, read_all


def init_module(space: Space) -> None:
    print("ext writes to the core's file", file=space.log)
    print(note(space.log, "from the extension"))
    with open("/dev/null", "w") as sink:
        print(sink.write("discarded"))
    print("file closed by with:", sink.closed)
    with open("/dev/null") as f:
        space.lines.append(repr(f.read()))
    try:
        open(".")
    except OSError as e:
        space.lines.append(str(e))
    try:
        read_all("missing.txt")
    except FileNotFoundError as e:
        print("ext caught FileNotFoundError:", e)
    sys.stderr.write("ext to stderr\n")
