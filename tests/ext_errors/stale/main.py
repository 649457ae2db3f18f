# runtime: a stale extension: ext.so was built against ../old/main.py, whose
# exported `combine` has another signature; loading it into this core raises
# ImportError naming both fingerprints and saying to rebuild the extension.
from seam import export, load_extension


@export
class Space:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name


@export
def combine(a: int, b: str) -> str:
    return str(a) + b


def is_hex(ch: str) -> bool:
    return ch in "0123456789abcdef"


def mask(msg: str) -> str:
    """The message with every run of 12 or more hex digits (a fingerprint,
    whole or shortened with an ellipsis) replaced by <fp>."""
    out = ""
    run = ""
    for ch in msg + " ":
        if is_hex(ch):
            run += ch
            continue
        if len(run) >= 12:
            out += "<fp>"
            if ch == "…":
                run = ""
                continue
        else:
            out += run
        run = ""
        out += ch
    return out[:-1]


def count(msg: str, word: str) -> int:
    return len(msg.split(word)) - 1


def main(argv: list[str]) -> int:
    try:
        load_extension("ext", Space("b"))
        print("loaded a stale extension")
    except ImportError as e:
        msg = str(e)
        print(mask(msg))
        print("fingerprints named:", count(mask(msg), "<fp>"))
        print("says rebuild:", "rebuild" in msg)
    try:
        load_extension("ext", Space("b"))
        print("loaded a stale extension on the second try")
    except ImportError as e:
        print("second try:", mask(str(e)))
    return 0
