# runtime: loading a shared library that is not a Seam extension (built from
# foreign.c with cc -shared), and a file that is no shared library at all.
# The system's loader words its own errors, so only the start is printed.
from seam import export, load_extension


@export
class Space:
    pass


def until_paren(msg: str) -> str:
    i = msg.find("(")
    if i < 0:
        return msg
    return msg[:i]


def main(argv: list[str]) -> int:
    for path in ["foreign", "junk"]:
        try:
            load_extension(path, Space())
            print(path, "loaded?")
        except ImportError as e:
            msg = str(e)
            print(path, "ImportError:", until_paren(msg).split(": ")[0])
            print("  mentions 'not a Seam extension':", "not a Seam extension" in msg)
    return 0
