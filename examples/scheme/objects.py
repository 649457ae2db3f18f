# The Scheme interpreter's object model: every value is an instance of a class
# under W_Object, with virtual methods for printing (`write` and `display`, as
# GNU Guile 3.0 prints), equality (`eqv?`, `equal?`) and hashing.  Everything
# an extension module may use is exported from here: the value classes, the
# error class, the builtin registry (`Space.register`) and the integer-overflow
# hook the bignum module installs (see HOOKS.md).
from typing import Callable

from seam import export, final


@export(slack=4096)
class W_Object:
    def write(self) -> str:
        return "#<object>"

    def display(self) -> str:
        return self.write()

    def eqv(self, other: "W_Object") -> bool:
        return self is other

    def equal(self, other: "W_Object") -> bool:
        return self.eqv(other)

    def hash_value(self) -> int:
        return 0

    def type_name(self) -> str:
        return "object"


@export
class SchemeError(Exception):
    message: str
    irritants: list[W_Object]

    def __init__(self, message: str, irritants: list[W_Object]) -> None:
        self.message = message
        self.irritants = irritants

    def describe(self) -> str:
        out = self.message
        for irritant in self.irritants:
            out += " " + irritant.write()
        return out


@export
def wrong_type(who: str, expected: str, arg: W_Object) -> SchemeError:
    return SchemeError(who + ": wrong type argument (expected " + expected + "):", [arg])


# --- Numbers ---------------------------------------------------------------


@export(slack=1024)
class W_Number(W_Object):
    def to_float(self) -> float:
        return 0.0

    def is_exact(self) -> bool:
        return True

    def is_integer(self) -> bool:
        return True

    def sign(self) -> int:
        return 0

    def is_odd(self) -> bool:
        return False

    def number_to_string(self, radix: int) -> str:
        # `number->string`; radix is 2, 8, 10 or 16.
        if radix != 10:
            raise SchemeError("number->string: radix " + str(radix) + " is not supported for", [self])
        return self.write()

    def type_name(self) -> str:
        return "number"


@export
@final
class W_Int(W_Number):
    value: int

    def __init__(self, value: int) -> None:
        self.value = value

    def write(self) -> str:
        return str(self.value)

    def eqv(self, other: W_Object) -> bool:
        return isinstance(other, W_Int) and other.value == self.value

    def hash_value(self) -> int:
        return self.value

    def type_name(self) -> str:
        return "integer"

    def to_float(self) -> float:
        return float(self.value)

    def sign(self) -> int:
        if self.value > 0:
            return 1
        if self.value < 0:
            return -1
        return 0

    def is_odd(self) -> bool:
        return self.value % 2 == 1

    def number_to_string(self, radix: int) -> str:
        v = self.value
        if radix == 10:
            return str(v)
        text = bin(v) if radix == 2 else oct(v) if radix == 8 else hex(v)
        return text.replace("0b", "").replace("0o", "").replace("0x", "")


SMALL_INT_MIN = -256
SMALL_INT_MAX = 1024


def make_small_ints() -> list[W_Int]:
    out: list[W_Int] = []
    for i in range(SMALL_INT_MIN, SMALL_INT_MAX + 1):
        out.append(W_Int(i))
    return out


SMALL_INTS: list[W_Int] = make_small_ints()


FIXNUM_MAX = 9223372036854775807
FIXNUM_MIN = -9223372036854775808


@export
def make_int(value: int) -> W_Int:
    # Translated, arithmetic beyond 64 bits has already raised OverflowError;
    # on CPython (`seam py`) ints are unbounded, so the range is checked here
    # to take the same path (the number hook, or the overflow error).
    if SMALL_INT_MIN <= value <= SMALL_INT_MAX:
        return SMALL_INTS[value - SMALL_INT_MIN]
    if value > FIXNUM_MAX or value < FIXNUM_MIN:
        raise OverflowError("integer overflow: result does not fit in 64 bits")
    return W_Int(value)


def float_digits(value: float) -> tuple[str, int]:
    # The shortest digits that round-trip (CPython's repr), and the decimal
    # exponent of the first one: 1234.5 -> ("12345", 3).
    text = repr(value)
    exp = 0
    e = text.find("e")
    if e >= 0:
        exp = int(text[e + 1 :])
        text = text[:e]
    dot = text.find(".")
    if dot < 0:
        int_part = text
        frac_part = ""
    else:
        int_part = text[:dot]
        frac_part = text[dot + 1 :]
    digits = int_part + frac_part
    point = len(int_part) + exp
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    digits = stripped.rstrip("0")
    if digits == "":
        return "0", 0
    return digits, point - 1


@export
def format_float(value: float) -> str:
    # Guile 3.0's notation: positional for exponents from -3 up to
    # max(6, digits + 1), scientific ("1.0e7", "1.5e-4") beyond.
    if value != value:
        return "+nan.0"
    if value == float("inf"):
        return "+inf.0"
    if value == -float("inf"):
        return "-inf.0"
    sign = ""
    if value < 0.0 or (value == 0.0 and repr(value)[0] == "-"):
        sign = "-"
        value = -value
    if value == 0.0:
        return sign + "0.0"
    digits, exp = float_digits(value)
    n = len(digits)
    if exp < -3 or exp >= max(7, n + 3):
        frac = digits[1:] if n > 1 else "0"
        return sign + digits[0] + "." + frac + "e" + str(exp)
    if exp < 0:
        return sign + "0." + "0" * (-exp - 1) + digits
    if exp >= n - 1:
        return sign + digits + "0" * (exp - n + 1) + ".0"
    return sign + digits[: exp + 1] + "." + digits[exp + 1 :]


@export
@final
class W_Float(W_Number):
    value: float

    def __init__(self, value: float) -> None:
        self.value = value

    def write(self) -> str:
        return format_float(self.value)

    def eqv(self, other: W_Object) -> bool:
        return isinstance(other, W_Float) and (
            other.value == self.value or (other.value != other.value and self.value != self.value)
        )

    def hash_value(self) -> int:
        return hash(self.value)

    def type_name(self) -> str:
        return "real"

    def to_float(self) -> float:
        return self.value

    def is_exact(self) -> bool:
        return False

    def is_integer(self) -> bool:
        v = self.value
        return v == v and v - v == 0.0 and v == float(int(v))

    def sign(self) -> int:
        if self.value > 0.0:
            return 1
        if self.value < 0.0:
            return -1
        return 0

    def is_odd(self) -> bool:
        return float(int(self.value)) == self.value and int(self.value) % 2 == 1


@export
class NumberHook:
    # What the core calls on fixnum overflow and on exact integers that are not
    # fixnums; the bignum module installs a subclass (see HOOKS.md).
    def add(self, a: W_Number, b: W_Number) -> W_Number:
        raise SchemeError("integer overflow", [])

    def sub(self, a: W_Number, b: W_Number) -> W_Number:
        raise SchemeError("integer overflow", [])

    def mul(self, a: W_Number, b: W_Number) -> W_Number:
        raise SchemeError("integer overflow", [])

    def quotient(self, a: W_Number, b: W_Number) -> W_Number:
        raise SchemeError("integer overflow", [])

    def remainder(self, a: W_Number, b: W_Number) -> W_Number:
        raise SchemeError("integer overflow", [])

    def modulo(self, a: W_Number, b: W_Number) -> W_Number:
        raise SchemeError("integer overflow", [])

    def expt(self, base: W_Number, exponent: W_Int) -> W_Number:
        raise SchemeError("integer overflow", [])

    def compare(self, a: W_Number, b: W_Number) -> int:
        raise SchemeError("integer overflow", [])

    def parse(self, text: str) -> W_Number | None:
        return None

    def parse_radix(self, text: str, radix: int) -> W_Number | None:
        # Digits in base radix (2 to 36) with an optional sign, beyond 64 bits.
        return None


class HookHolder:
    hook: NumberHook

    def __init__(self) -> None:
        self.hook = NumberHook()


HOOKS: HookHolder = HookHolder()


@export
def set_number_hook(hook: NumberHook) -> None:
    HOOKS.hook = hook


def number_hook() -> NumberHook:
    return HOOKS.hook


# --- Other values ----------------------------------------------------------


@export
@final
class W_Bool(W_Object):
    value: bool

    def __init__(self, value: bool) -> None:
        self.value = value

    def write(self) -> str:
        return "#t" if self.value else "#f"

    def hash_value(self) -> int:
        return 1 if self.value else 2

    def type_name(self) -> str:
        return "boolean"


@export
@final
class W_Nil(W_Object):
    def write(self) -> str:
        return "()"

    def hash_value(self) -> int:
        return 3

    def type_name(self) -> str:
        return "empty list"


@export
@final
class W_Unspecified(W_Object):
    def write(self) -> str:
        return "#<unspecified>"

    def type_name(self) -> str:
        return "unspecified"


@export
@final
class W_Symbol(W_Object):
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def write(self) -> str:
        if symbol_needs_braces(self.name):
            return "#{" + self.name + "}#"
        return self.name

    def hash_value(self) -> int:
        return hash(self.name)

    def type_name(self) -> str:
        return "symbol"


def symbol_needs_braces(name: str) -> bool:
    if name == "":
        return True
    for ch in name:
        if ch in " \t\n\r()\"';`,":
            return True
    first = name[0]
    if "0" <= first <= "9":
        return True
    if (first == "-" or first == "+" or first == ".") and len(name) > 1 and "0" <= name[1] <= "9":
        return True
    return name == "."


CHAR_NAMES: list[str] = [
    "nul", "soh", "stx", "etx", "eot", "enq", "ack", "alarm", "backspace", "tab",
    "newline", "vtab", "page", "return", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4",
    "nak", "syn", "etb", "can", "em", "sub", "esc", "fs", "gs", "rs", "us", "space",
]  # fmt: skip


def unprintable(code: int) -> bool:
    # The characters Guile escapes beyond ASCII: controls, format characters,
    # separators other than the space, unassigned code points -- the ones
    # CPython's repr escapes too (its Unicode database is compiled into the
    # runtime), which is how they are found here.
    if code < 0x7F:
        return False
    return repr(chr(code))[1] == "\\"


@export
@final
class W_Char(W_Object):
    value: str

    def __init__(self, value: str) -> None:
        self.value = value

    def write(self) -> str:
        code = ord(self.value)
        if code <= 32:
            return "#\\" + CHAR_NAMES[code]
        if code == 127:
            return "#\\delete"
        if unprintable(code):
            return "#\\" + oct(code)[2:]
        return "#\\" + self.value

    def display(self) -> str:
        return self.value

    def eqv(self, other: W_Object) -> bool:
        return isinstance(other, W_Char) and other.value == self.value

    def hash_value(self) -> int:
        return ord(self.value)

    def type_name(self) -> str:
        return "character"


STRING_ESCAPES: list[str] = [
    "\\x00", "\\x01", "\\x02", "\\x03", "\\x04", "\\x05", "\\x06", "\\a", "\\b", "\\t",
    "\\n", "\\v", "\\f", "\\r", "\\x0e", "\\x0f", "\\x10", "\\x11", "\\x12", "\\x13",
    "\\x14", "\\x15", "\\x16", "\\x17", "\\x18", "\\x19", "\\x1a", "\\x1b", "\\x1c",
    "\\x1d", "\\x1e", "\\x1f",
]  # fmt: skip


@export
def write_string(s: str) -> str:
    parts: list[str] = ['"']
    for ch in s:
        code = ord(ch)
        if code < 32:
            parts.append(STRING_ESCAPES[code])
        elif ch == '"':
            parts.append('\\"')
        elif ch == "\\":
            parts.append("\\\\")
        elif unprintable(code):
            if code <= 0xFF:
                parts.append("\\x" + hex(code)[2:])
            elif code <= 0xFFFF:
                parts.append("\\u" + hex(code)[2:].rjust(4, "0"))
            else:
                parts.append("\\U" + hex(code)[2:].rjust(6, "0"))
        else:
            parts.append(ch)
    parts.append('"')
    return "".join(parts)


@export
class W_String(W_Object):
    # Scheme strings are mutable in principle; this interpreter offers no
    # mutating procedures, so an immutable str is the representation.
    value: str

    def __init__(self, value: str) -> None:
        self.value = value

    def write(self) -> str:
        return write_string(self.value)

    def display(self) -> str:
        return self.value

    def equal(self, other: W_Object) -> bool:
        return isinstance(other, W_String) and other.value == self.value

    def hash_value(self) -> int:
        return hash(self.value)

    def type_name(self) -> str:
        return "string"


@export
@final
class W_Pair(W_Object):
    car: W_Object
    cdr: W_Object

    def __init__(self, car: W_Object, cdr: W_Object) -> None:
        self.car = car
        self.cdr = cdr

    def write(self) -> str:
        return self.show(True)

    def display(self) -> str:
        return self.show(False)

    def show(self, write: bool) -> str:
        parts: list[str] = []
        cur: W_Object = self
        while isinstance(cur, W_Pair):
            parts.append(cur.car.write() if write else cur.car.display())
            cur = cur.cdr
        if not isinstance(cur, W_Nil):
            parts.append(".")
            parts.append(cur.write() if write else cur.display())
        return "(" + " ".join(parts) + ")"

    def equal(self, other: W_Object) -> bool:
        a: W_Object = self
        b: W_Object = other
        while isinstance(a, W_Pair):
            if not isinstance(b, W_Pair):
                return False
            if not a.car.equal(b.car):
                return False
            a = a.cdr
            b = b.cdr
        return a.equal(b)

    def hash_value(self) -> int:
        h = 17
        cur: W_Object = self
        n = 0
        while isinstance(cur, W_Pair) and n < 8:
            h = (h * 31 + cur.car.hash_value()) % 1000000007
            cur = cur.cdr
            n += 1
        return h

    def type_name(self) -> str:
        return "pair"


@export(slack=1024)
class W_Procedure(W_Object):
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def type_name(self) -> str:
        return "procedure"


@export
@final
class W_Builtin(W_Procedure):
    min_args: int
    max_args: int
    fn: Callable[[list[W_Object]], W_Object]
    # Set for builtins registered with a fixed arity (Space.register1/2/3): the
    # evaluator calls them directly, without an argument list.
    fixed1: Callable[[W_Object], W_Object] | None
    fixed2: Callable[[W_Object, W_Object], W_Object] | None
    fixed3: Callable[[W_Object, W_Object, W_Object], W_Object] | None

    def __init__(
        self, name: str, min_args: int, max_args: int, fn: Callable[[list[W_Object]], W_Object]
    ) -> None:
        super().__init__(name)
        self.min_args = min_args
        self.max_args = max_args
        self.fn = fn
        self.fixed1 = None
        self.fixed2 = None
        self.fixed3 = None

    def write(self) -> str:
        return "#<procedure " + self.name + ">"

    def check_arity(self, n: int) -> None:
        if n < self.min_args or (self.max_args >= 0 and n > self.max_args):
            raise SchemeError("Wrong number of arguments to", [self])


NIL: W_Object = W_Nil()
TRUE: W_Object = W_Bool(True)
FALSE: W_Object = W_Bool(False)
UNSPECIFIED: W_Object = W_Unspecified()


@export
def nil() -> W_Object:
    return NIL


@export
def unspecified() -> W_Object:
    return UNSPECIFIED


@export
def w_bool(b: bool) -> W_Object:
    return TRUE if b else FALSE


@export
def make_pair(car: W_Object, cdr: W_Object) -> W_Object:
    return W_Pair(car, cdr)


@export
def list_to_scheme(items: list[W_Object]) -> W_Object:
    result = NIL
    i = len(items) - 1
    while i >= 0:
        result = W_Pair(items[i], result)
        i -= 1
    return result


@export
def scheme_to_list(obj: W_Object, who: str) -> list[W_Object]:
    out: list[W_Object] = []
    cur = obj
    while isinstance(cur, W_Pair):
        out.append(cur.car)
        cur = cur.cdr
    if cur is not NIL:
        raise wrong_type(who, "list", obj)
    return out


@export
class Cell:
    # A global variable: the compiler resolves each global name to its cell
    # once, so a global reference at run time is one load and a null check.
    name: str
    value: W_Object | None

    def __init__(self, name: str) -> None:
        self.name = name
        self.value = None


@export
class Space:
    symbols: dict[str, W_Symbol]
    globals: dict[str, Cell]

    def __init__(self) -> None:
        self.symbols = {}
        self.globals = {}

    def intern(self, name: str) -> W_Symbol:
        sym = self.symbols.get(name)
        if sym is None:
            sym = W_Symbol(name)
            self.symbols[name] = sym
        return sym

    def cell(self, name: str) -> Cell:
        c = self.globals.get(name)
        if c is None:
            c = Cell(name)
            self.globals[name] = c
        return c

    def register(
        self, name: str, min_args: int, max_args: int, fn: Callable[[list[W_Object]], W_Object]
    ) -> None:
        self.cell(name).value = W_Builtin(name, min_args, max_args, fn)

    def register1(self, name: str, fn: Callable[[W_Object], W_Object]) -> None:
        b = W_Builtin(name, 1, 1, Fixed1Adapter(fn).call)
        b.fixed1 = fn
        self.cell(name).value = b

    def register2(self, name: str, fn: Callable[[W_Object, W_Object], W_Object]) -> None:
        b = W_Builtin(name, 2, 2, Fixed2Adapter(fn).call)
        b.fixed2 = fn
        self.cell(name).value = b

    def register3(self, name: str, fn: Callable[[W_Object, W_Object, W_Object], W_Object]) -> None:
        b = W_Builtin(name, 3, 3, Fixed3Adapter(fn).call)
        b.fixed3 = fn
        self.cell(name).value = b


# A fixed-arity builtin as a list-taking one, for apply, map and calls the
# evaluator does not specialise.
class Fixed1Adapter:
    fn: Callable[[W_Object], W_Object]

    def __init__(self, fn: Callable[[W_Object], W_Object]) -> None:
        self.fn = fn

    def call(self, args: list[W_Object]) -> W_Object:
        return self.fn(args[0])


class Fixed2Adapter:
    fn: Callable[[W_Object, W_Object], W_Object]

    def __init__(self, fn: Callable[[W_Object, W_Object], W_Object]) -> None:
        self.fn = fn

    def call(self, args: list[W_Object]) -> W_Object:
        return self.fn(args[0], args[1])


class Fixed3Adapter:
    fn: Callable[[W_Object, W_Object, W_Object], W_Object]

    def __init__(self, fn: Callable[[W_Object, W_Object, W_Object], W_Object]) -> None:
        self.fn = fn

    def call(self, args: list[W_Object]) -> W_Object:
        return self.fn(args[0], args[1], args[2])
