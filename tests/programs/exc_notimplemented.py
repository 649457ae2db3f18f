# NotImplementedError is a RuntimeError: caught as such, from an abstract-style base method.


class Codec:
    def encode(self, s: str) -> str:
        raise NotImplementedError("encode not implemented for this codec")

    def decode(self, s: str) -> str:
        raise NotImplementedError("decode")


class Upper(Codec):
    def encode(self, s: str) -> str:
        return s.upper()


class Rot1(Codec):
    def encode(self, s: str) -> str:
        out = ""
        for ch in s:
            out += chr(ord(ch) + 1)
        return out

    def decode(self, s: str) -> str:
        out = ""
        for ch in s:
            out += chr(ord(ch) - 1)
        return out


def main(argv: list[str]) -> int:
    codecs: list[Codec] = [Codec(), Upper(), Rot1()]
    for c in codecs:
        try:
            e = c.encode("hal")
            print("encoded", e)
            print("decoded", c.decode(e))
        except RuntimeError as err:
            print("runtime error:", str(err), isinstance(err, NotImplementedError))
    try:
        raise NotImplementedError("direct")
    except NotImplementedError as err:
        print("caught directly:", str(err))
    try:
        raise RuntimeError("plain runtime")
    except NotImplementedError:
        print("wrong: plain RuntimeError is not NotImplementedError")
    except RuntimeError as err:
        print("caught runtime:", str(err))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
