# The reader: Scheme source text to data (W_Object trees), one datum at a
# time, so that a module loaded by one top-level form (bignums) sees the
# literals of the forms after it.  Nesting depth is bounded.
from objects import (
    NIL,
    FALSE,
    TRUE,
    W_Char,
    W_Float,
    W_Object,
    W_Pair,
    W_String,
    SchemeError,
    Space,
    make_int,
    number_hook,
)

MAX_DEPTH = 10000

DELIMITERS = " \t\n\r\f()[]\";'`,"

NAMED_CHARS: dict[str, str] = {
    "space": " ",
    "newline": "\n",
    "tab": "\t",
    "nul": "\x00",
    "null": "\x00",
    "return": "\r",
    "linefeed": "\n",
    "alarm": "\x07",
    "backspace": "\x08",
    "delete": "\x7f",
    "del": "\x7f",
    "escape": "\x1b",
    "esc": "\x1b",
    "page": "\x0c",
    "vtab": "\x0b",
}


DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def all_digits(s: str, radix: int) -> bool:
    if s == "":
        return False
    for ch in s.lower():
        d = DIGITS.find(ch)
        if d < 0 or d >= radix:
            return False
    return True


def parse_radix(text: str, radix: int) -> int | None:
    # An integer in base `radix` with an optional sign; None if it is not one
    # or does not fit in 64 bits.
    s = text
    neg = False
    if s[:1] == "-" or s[:1] == "+":
        neg = s[0] == "-"
        s = s[1:]
    if not all_digits(s, radix):
        return None
    v = 0
    try:
        for ch in s.lower():
            d = DIGITS.find(ch)
            v = v * radix - d if neg else v * radix + d
    except OverflowError:
        return None
    if v > 9223372036854775807 or v < -9223372036854775808:
        return None
    return v


def parse_radix_number(text: str, radix: int) -> W_Object | None:
    # parse_radix as a Scheme number: digits beyond 64 bits go to the number
    # hook (a bignum with the module loaded, else None).
    v = parse_radix(text, radix)
    if v is not None:
        return make_int(v)
    body = text[1:] if text[:1] == "-" or text[:1] == "+" else text
    if not all_digits(body, radix):
        return None
    return number_hook().parse_radix(text, radix)


class EndOfInput(Exception):
    pass


def parse_number(text: str) -> W_Object | None:
    # A decimal integer or float, as Guile reads them; None if `text` is no number.
    if text == "" or text == "+" or text == "-" or text == "." or text == "...":
        return None
    body = text[1:] if text[0] == "+" or text[0] == "-" else text
    if body == "":
        return None
    if all_digits(body, 10):
        try:
            return make_int(int(text))
        except OverflowError:
            big = number_hook().parse(text)
            if big is None:
                raise SchemeError("integer too large (load ext/bignums):", [W_String(text)])
            return big
    seen_digit = False
    for ch in body:
        if "0" <= ch <= "9":
            seen_digit = True
        elif ch not in ".eE+-":
            return None
    if not seen_digit:
        return None
    if body[0] == "e" or body[0] == "E":
        return None
    try:
        return W_Float(float(text))
    except ValueError:
        return None


class Reader:
    space: Space
    src: str
    pos: int

    def __init__(self, space: Space, src: str) -> None:
        self.space = space
        self.src = src
        self.pos = 0

    def skip_space(self) -> None:
        src = self.src
        n = len(src)
        while self.pos < n:
            ch = src[self.pos]
            if ch == ";":
                while self.pos < n and src[self.pos] != "\n":
                    self.pos += 1
            elif ch == "#" and self.pos + 1 < n and src[self.pos + 1] == "|":
                self.skip_block_comment()
            elif ch == "#" and self.pos + 1 < n and src[self.pos + 1] == ";":
                self.pos += 2
                self.read_datum(0)
            elif ch in " \t\n\r\f":
                self.pos += 1
            else:
                return

    def skip_block_comment(self) -> None:
        depth = 0
        n = len(self.src)
        while self.pos < n:
            if self.src[self.pos : self.pos + 2] == "#|":
                depth += 1
                self.pos += 2
            elif self.src[self.pos : self.pos + 2] == "|#":
                depth -= 1
                self.pos += 2
                if depth == 0:
                    return
            else:
                self.pos += 1
        raise SchemeError("unterminated block comment", [])

    def at_end(self) -> bool:
        self.skip_space()
        return self.pos >= len(self.src)

    def read(self) -> W_Object:
        # The next top-level datum; EndOfInput when there is none.
        if self.at_end():
            raise EndOfInput()
        return self.read_datum(0)

    def read_datum(self, depth: int) -> W_Object:
        if depth > MAX_DEPTH:
            raise SchemeError("read: nesting too deep", [])
        self.skip_space()
        src = self.src
        if self.pos >= len(src):
            raise SchemeError("read: unexpected end of input", [])
        ch = src[self.pos]
        if ch == "(" or ch == "[":
            self.pos += 1
            return self.read_list(depth, ")" if ch == "(" else "]")
        if ch == ")" or ch == "]":
            raise SchemeError("read: unexpected \")\"", [])
        if ch == "'":
            self.pos += 1
            return self.quoted("quote", depth)
        if ch == "`":
            self.pos += 1
            return self.quoted("quasiquote", depth)
        if ch == ",":
            self.pos += 1
            if self.pos < len(src) and src[self.pos] == "@":
                self.pos += 1
                return self.quoted("unquote-splicing", depth)
            return self.quoted("unquote", depth)
        if ch == '"':
            return self.read_string()

        if ch == "#":
            return self.read_hash(depth)
        return self.read_atom()

    def quoted(self, name: str, depth: int) -> W_Object:
        datum = self.read_datum(depth + 1)
        return W_Pair(self.space.intern(name), W_Pair(datum, NIL))

    def read_list(self, depth: int, close: str) -> W_Object:
        items: list[W_Object] = []
        tail = NIL
        while True:
            self.skip_space()
            if self.pos >= len(self.src):
                raise SchemeError("read: unexpected end of input", [])
            ch = self.src[self.pos]
            if ch == ")" or ch == "]":
                if ch != close:
                    raise SchemeError("read: mismatched brackets", [])
                self.pos += 1
                break
            if ch == "." and self.pos + 1 < len(self.src) and self.src[self.pos + 1] in DELIMITERS:
                if len(items) == 0:
                    raise SchemeError("read: unexpected \".\"", [])
                self.pos += 1
                tail = self.read_datum(depth + 1)
                self.skip_space()
                if self.pos >= len(self.src) or self.src[self.pos] != close:
                    raise SchemeError("read: expected \")\" after dotted tail", [])
                self.pos += 1
                break
            items.append(self.read_datum(depth + 1))
        result = tail
        i = len(items) - 1
        while i >= 0:
            result = W_Pair(items[i], result)
            i -= 1
        return result

    def read_string(self) -> W_Object:
        src = self.src
        self.pos += 1
        parts: list[str] = []
        while True:
            if self.pos >= len(src):
                raise SchemeError("read: unterminated string", [])
            ch = src[self.pos]
            self.pos += 1
            if ch == '"':
                return W_String("".join(parts))
            if ch != "\\":
                parts.append(ch)
                continue
            if self.pos >= len(src):
                raise SchemeError("read: unterminated string", [])
            esc = src[self.pos]
            self.pos += 1
            if esc == "n":
                parts.append("\n")
            elif esc == "t":
                parts.append("\t")
            elif esc == "r":
                parts.append("\r")
            elif esc == "a":
                parts.append("\x07")
            elif esc == "b":
                parts.append("\x08")
            elif esc == "v":
                parts.append("\x0b")
            elif esc == "f":
                parts.append("\x0c")
            elif esc == "0":
                parts.append("\x00")
            elif esc == "x" or esc == "u" or esc == "U":
                # Guile 3.0's escapes: exactly 2, 4 or 6 hex digits.
                end = self.pos + (2 if esc == "x" else 4 if esc == "u" else 6)
                code = parse_radix(src[self.pos : end], 16) if end <= len(src) else None
                if code is None or code > 0x10FFFF:
                    raise SchemeError("read: bad \\x escape in string", [])
                parts.append(chr(code))
                self.pos = end
            elif esc == "\n":
                # Guile 3.0 drops the escaped newline and keeps what follows.
                pass
            else:
                parts.append(esc)

    def read_token(self) -> str:
        start = self.pos
        src = self.src
        while self.pos < len(src) and src[self.pos] not in DELIMITERS:
            self.pos += 1
        return src[start : self.pos]

    def read_hash(self, depth: int) -> W_Object:
        src = self.src
        if self.pos + 1 < len(src) and src[self.pos + 1] == "\\":
            self.pos += 2
            start = self.pos
            if self.pos < len(src):
                self.pos += 1
            while self.pos < len(src) and src[self.pos] not in DELIMITERS:
                self.pos += 1
            name = src[start : self.pos]
            if len(name) == 1:
                return W_Char(name)
            named = NAMED_CHARS.get(name.lower())
            if named is not None:
                return W_Char(named)
            if name[0] == "x" or name[0] == "U" or name[0] == "u":
                code = parse_radix(name[1:], 16)
                if code is not None and code <= 0x10FFFF:
                    return W_Char(chr(code))
            raise SchemeError("read: unknown character name", [W_String(name)])
        tok = self.read_token()
        if tok == "#t" or tok == "#true":
            return TRUE
        if tok == "#f" or tok == "#false":
            return FALSE
        if tok == "#" and self.pos < len(src) and src[self.pos] == "(":
            self.pos += 1
            items = self.read_list(depth, ")")
            return W_Pair(self.space.intern("vector"), quote_each(self.space, items))
        if len(tok) > 2 and (tok[1] == "x" or tok[1] == "X"):
            n = parse_radix_number(tok[2:], 16)
            if n is not None:
                return n
        if len(tok) > 2 and (tok[1] == "b" or tok[1] == "B"):
            n = parse_radix_number(tok[2:], 2)
            if n is not None:
                return n
        raise SchemeError("read: unknown # syntax", [W_String(tok)])

    def read_atom(self) -> W_Object:
        tok = self.read_token()
        if tok == "":
            raise SchemeError("read: unexpected character", [W_String(self.src[self.pos])])
        num = parse_number(tok)
        if num is not None:
            return num
        return self.space.intern(tok)


def quote_each(space: Space, items: W_Object) -> W_Object:
    # A vector literal #(a b) reads as (vector 'a 'b): vectors come from an
    # extension module, so the reader builds a call to its constructor.
    out: list[W_Object] = []
    cur = items
    while isinstance(cur, W_Pair):
        out.append(W_Pair(space.intern("quote"), W_Pair(cur.car, NIL)))
        cur = cur.cdr
    result = NIL
    i = len(out) - 1
    while i >= 0:
        result = W_Pair(out[i], result)
        i -= 1
    return result
