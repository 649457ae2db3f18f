# The core's builtin procedures: plain functions over list[W_Object],
# registered by name with their arity (the evaluator checks it).  Integer
# arithmetic is on 64-bit fixnums; an overflow, or an exact operand that is no
# fixnum, goes to the number hook (see HOOKS.md).
import sys
from typing import Callable

from seam import load_extension

from objects import (
    FALSE,
    NIL,
    TRUE,
    UNSPECIFIED,
    NumberHook,
    SchemeError,
    Space,
    W_Builtin,
    W_Char,
    W_Float,
    W_Int,
    W_Number,
    W_Object,
    W_Pair,
    W_Procedure,
    W_String,
    W_Symbol,
    list_to_scheme,
    make_int,
    number_hook,
    scheme_to_list,
    wrong_type,
)
from evaluator import APPLY, call_procedure, spread_args
import reader
from arith import UNORDERED, add2, compare, either_float, exact_int, hook, mul2, num, sub2


def b_add(args: list[W_Object]) -> W_Object:
    if len(args) == 2:
        return add2(args[0], args[1])
    acc: W_Object = make_int(0)
    for a in args:
        acc = add2(acc, a)
    return acc


def b_mul(args: list[W_Object]) -> W_Object:
    if len(args) == 2:
        return mul2(args[0], args[1])
    acc: W_Object = make_int(1)
    for a in args:
        acc = mul2(acc, a)
    return acc


def b_sub(args: list[W_Object]) -> W_Object:
    if len(args) == 1:
        return sub2(make_int(0), args[0])
    acc = args[0]
    for i in range(1, len(args)):
        acc = sub2(acc, args[i])
    return acc


def div2(a: W_Object, b: W_Object) -> W_Object:
    na = num(a, "/")
    nb = num(b, "/")
    if either_float(na, nb):
        if isinstance(nb, W_Int) and nb.value == 0:
            raise SchemeError("/: Numerical overflow", [])
        x = na.to_float()
        y = nb.to_float()
        if y == 0.0:
            if x != x or x == 0.0:
                return W_Float(float("nan"))
            neg = (x < 0.0) != (repr(y)[0] == "-")
            return W_Float(-float("inf") if neg else float("inf"))
        return W_Float(x / y)
    if nb.sign() == 0:
        raise SchemeError("/: Numerical overflow", [])
    if isinstance(na, W_Int) and isinstance(nb, W_Int):
        if na.value % nb.value != 0:
            raise SchemeError("/: result is not an integer (rationals are not supported):", [na, nb])
        try:
            return make_int(na.value // nb.value)
        except OverflowError:
            return hook().quotient(na, nb)
    if hook().remainder(na, nb).sign() != 0:
        raise SchemeError("/: result is not an integer (rationals are not supported):", [na, nb])
    return hook().quotient(na, nb)


def b_div(args: list[W_Object]) -> W_Object:
    if len(args) == 1:
        return div2(make_int(1), args[0])
    acc = args[0]
    for i in range(1, len(args)):
        acc = div2(acc, args[i])
    return acc


def int_operands(args: list[W_Object], who: str) -> tuple[W_Number, W_Number]:
    a = num(args[0], who)
    b = num(args[1], who)
    if not a.is_integer():
        raise wrong_type(who, "integer", a)
    if not b.is_integer():
        raise wrong_type(who, "integer", b)
    if b.sign() == 0:
        raise SchemeError(who + ": Numerical overflow", [])
    return a, b


def float_divmod(x: float, y: float, kind: int) -> float:
    q = x / y
    tq = float(int(q))
    if kind == 0:
        return tq
    r = x - tq * y
    if kind == 2 and r != 0.0 and (r < 0.0) != (y < 0.0):
        r += y
    return r


def b_quotient(args: list[W_Object]) -> W_Object:
    a, b = int_operands(args, "quotient")
    if isinstance(a, W_Int) and isinstance(b, W_Int):
        x = a.value
        y = b.value
        try:
            # Truncating division from Python's floor division: one above the
            # floor when the division is inexact and the signs differ. Only
            # -2**63 // -1 is out of range (abs() of -2**63 would be too).
            q = x // y
            if x % y != 0 and (x < 0) != (y < 0):
                q += 1
            return make_int(q)
        except OverflowError:
            return hook().quotient(a, b)
    if either_float(a, b):
        return W_Float(float_divmod(a.to_float(), b.to_float(), 0))
    return hook().quotient(a, b)


def b_remainder(args: list[W_Object]) -> W_Object:
    a, b = int_operands(args, "remainder")
    if isinstance(a, W_Int) and isinstance(b, W_Int):
        r = a.value % b.value
        if r != 0 and (r < 0) != (a.value < 0):
            r -= b.value
        return make_int(r)
    if either_float(a, b):
        return W_Float(float_divmod(a.to_float(), b.to_float(), 1))
    return hook().remainder(a, b)


def b_modulo(args: list[W_Object]) -> W_Object:
    a, b = int_operands(args, "modulo")
    if isinstance(a, W_Int) and isinstance(b, W_Int):
        return make_int(a.value % b.value)
    if either_float(a, b):
        return W_Float(float_divmod(a.to_float(), b.to_float(), 2))
    return hook().modulo(a, b)


def b_expt(args: list[W_Object]) -> W_Object:
    base = num(args[0], "expt")
    e = num(args[1], "expt")
    if isinstance(e, W_Int) and base.is_exact():
        if e.value < 0:
            raise SchemeError("expt: negative exponent (rationals are not supported):", [base, e])
        if isinstance(base, W_Int):
            try:
                return make_int(base.value**e.value)
            except OverflowError:
                return hook().expt(base, e)
        return hook().expt(base, e)
    if isinstance(e, W_Int):
        return W_Float(base.to_float() ** float(e.value))
    x = base.to_float()
    y = e.to_float()
    if x < 0.0 and y != float(int(y)):
        raise SchemeError("expt: complex results are not supported:", [base, e])
    return W_Float(x**y)


def b_abs(args: list[W_Object]) -> W_Object:
    a = num(args[0], "abs")
    if isinstance(a, W_Float):
        return W_Float(-a.value if a.value < 0.0 or repr(a.value)[0] == "-" else a.value)
    if a.sign() < 0:
        return sub2(make_int(0), a)
    return a


def b_min_max(args: list[W_Object], want: int, who: str) -> W_Object:
    best: W_Object = num(args[0], who)
    inexact = isinstance(best, W_Float)
    for i in range(1, len(args)):
        a = num(args[i], who)
        if isinstance(a, W_Float):
            inexact = True
        c = compare(a, best, who)
        if c == want or c == UNORDERED:
            best = a
    if inexact and isinstance(best, W_Number):
        return W_Float(best.to_float())
    return best


def b_min(args: list[W_Object]) -> W_Object:
    return b_min_max(args, -1, "min")


def b_max(args: list[W_Object]) -> W_Object:
    return b_min_max(args, 1, "max")


def chain(args: list[W_Object], who: str, lt: bool, eq: bool, gt: bool) -> W_Object:
    for i in range(len(args)):
        num(args[i], who)
    for i in range(len(args) - 1):
        c = compare(args[i], args[i + 1], who)
        if c == UNORDERED:
            return FALSE
        if c < 0 and not lt or c == 0 and not eq or c > 0 and not gt:
            return FALSE
    return TRUE


def b_num_eq(args: list[W_Object]) -> W_Object:
    return chain(args, "=", False, True, False)


def b_lt(args: list[W_Object]) -> W_Object:
    if len(args) == 2:
        a = args[0]
        b = args[1]
        if isinstance(a, W_Int) and isinstance(b, W_Int):
            return TRUE if a.value < b.value else FALSE
    return chain(args, "<", True, False, False)


def b_gt(args: list[W_Object]) -> W_Object:
    return chain(args, ">", False, False, True)


def b_le(args: list[W_Object]) -> W_Object:
    return chain(args, "<=", True, True, False)


def b_ge(args: list[W_Object]) -> W_Object:
    return chain(args, ">=", False, True, True)


def truth(b: bool) -> W_Object:
    return TRUE if b else FALSE


def b_not(args: list[W_Object]) -> W_Object:
    return truth(args[0] is FALSE)


def is_eq(a: W_Object, b: W_Object) -> bool:
    # Guile's fixnums and characters are immediate: eq? compares their values.
    if isinstance(a, W_Int) or isinstance(a, W_Char):
        return a.eqv(b)
    return a is b


def b_eq(args: list[W_Object]) -> W_Object:
    return truth(is_eq(args[0], args[1]))


def b_eqv(args: list[W_Object]) -> W_Object:
    return truth(args[0].eqv(args[1]))


def b_equal(args: list[W_Object]) -> W_Object:
    return truth(args[0].equal(args[1]))


def b_null(args: list[W_Object]) -> W_Object:
    return truth(args[0] is NIL)


def b_pair(args: list[W_Object]) -> W_Object:
    return truth(isinstance(args[0], W_Pair))


def is_list(x: W_Object) -> bool:
    slow = x
    fast = x
    while True:
        if fast is NIL:
            return True
        if not isinstance(fast, W_Pair):
            return False
        fast = fast.cdr
        if fast is NIL:
            return True
        if not isinstance(fast, W_Pair):
            return False
        fast = fast.cdr
        assert isinstance(slow, W_Pair)
        slow = slow.cdr
        if fast is slow:
            return False


def b_list_p(args: list[W_Object]) -> W_Object:
    return truth(is_list(args[0]))


def b_number_p(args: list[W_Object]) -> W_Object:
    return truth(isinstance(args[0], W_Number))


def b_integer_p(args: list[W_Object]) -> W_Object:
    a = args[0]
    return truth(isinstance(a, W_Number) and a.is_integer())


def b_exact_p(args: list[W_Object]) -> W_Object:
    return truth(num(args[0], "exact?").is_exact())


def b_inexact_p(args: list[W_Object]) -> W_Object:
    return truth(not num(args[0], "inexact?").is_exact())


def b_symbol_p(args: list[W_Object]) -> W_Object:
    return truth(isinstance(args[0], W_Symbol))


def b_string_p(args: list[W_Object]) -> W_Object:
    return truth(isinstance(args[0], W_String))


def b_char_p(args: list[W_Object]) -> W_Object:
    return truth(isinstance(args[0], W_Char))


def b_boolean_p(args: list[W_Object]) -> W_Object:
    return truth(args[0] is TRUE or args[0] is FALSE)


def b_procedure_p(args: list[W_Object]) -> W_Object:
    return truth(isinstance(args[0], W_Procedure))


def b_zero_p(args: list[W_Object]) -> W_Object:
    a = args[0]
    if isinstance(a, W_Int):
        return truth(a.value == 0)
    return truth(num(a, "zero?").sign() == 0)


def b_positive_p(args: list[W_Object]) -> W_Object:
    return truth(num(args[0], "positive?").sign() > 0)


def b_negative_p(args: list[W_Object]) -> W_Object:
    return truth(num(args[0], "negative?").sign() < 0)


def integer_arg(x: W_Object, who: str) -> W_Number:
    n = num(x, who)
    if not n.is_integer():
        raise wrong_type(who, "integer", x)
    return n


def b_even_p(args: list[W_Object]) -> W_Object:
    return truth(not integer_arg(args[0], "even?").is_odd())


def b_odd_p(args: list[W_Object]) -> W_Object:
    return truth(integer_arg(args[0], "odd?").is_odd())


def b_cons(args: list[W_Object]) -> W_Object:
    return W_Pair(args[0], args[1])


def pair(x: W_Object, who: str) -> W_Pair:
    if isinstance(x, W_Pair):
        return x
    raise wrong_type(who, "pair", x)


def b_car(args: list[W_Object]) -> W_Object:
    return pair(args[0], "car").car


def b_cdr(args: list[W_Object]) -> W_Object:
    return pair(args[0], "cdr").cdr


def b_cadr(args: list[W_Object]) -> W_Object:
    return pair(pair(args[0], "cadr").cdr, "cadr").car


def b_cddr(args: list[W_Object]) -> W_Object:
    return pair(pair(args[0], "cddr").cdr, "cddr").cdr


def b_caar(args: list[W_Object]) -> W_Object:
    return pair(pair(args[0], "caar").car, "caar").car


def b_cdar(args: list[W_Object]) -> W_Object:
    return pair(pair(args[0], "cdar").car, "cdar").cdr


def b_caddr(args: list[W_Object]) -> W_Object:
    return pair(pair(pair(args[0], "caddr").cdr, "caddr").cdr, "caddr").car


def b_set_car(args: list[W_Object]) -> W_Object:
    pair(args[0], "set-car!").car = args[1]
    return UNSPECIFIED


def b_set_cdr(args: list[W_Object]) -> W_Object:
    pair(args[0], "set-cdr!").cdr = args[1]
    return UNSPECIFIED


def b_list(args: list[W_Object]) -> W_Object:
    return list_to_scheme(args)


def b_length(args: list[W_Object]) -> W_Object:
    if not is_list(args[0]):
        raise wrong_type("length", "list", args[0])
    n = 0
    cur = args[0]
    while isinstance(cur, W_Pair):
        n += 1
        cur = cur.cdr
    return make_int(n)


def b_append(args: list[W_Object]) -> W_Object:
    if len(args) == 0:
        return NIL
    result = args[-1]
    i = len(args) - 2
    while i >= 0:
        items = scheme_to_list(args[i], "append")
        j = len(items) - 1
        while j >= 0:
            result = W_Pair(items[j], result)
            j -= 1
        i -= 1
    return result


def b_reverse(args: list[W_Object]) -> W_Object:
    result = NIL
    cur = args[0]
    while isinstance(cur, W_Pair):
        result = W_Pair(cur.car, result)
        cur = cur.cdr
    if cur is not NIL:
        raise wrong_type("reverse", "list", args[0])
    return result


def b_list_tail(args: list[W_Object]) -> W_Object:
    k = exact_int(args[1], "list-tail")
    cur = args[0]
    for _ in range(k):
        cur = pair(cur, "list-tail").cdr
    return cur


def b_list_ref(args: list[W_Object]) -> W_Object:
    k = exact_int(args[1], "list-ref")
    if k < 0:
        raise wrong_type("list-ref", "non-negative index", args[1])
    cur = args[0]
    for _ in range(k):
        cur = pair(cur, "list-ref").cdr
    return pair(cur, "list-ref").car


def lists_of(args: list[W_Object], who: str) -> list[list[W_Object]]:
    lists: list[list[W_Object]] = []
    for i in range(1, len(args)):
        lists.append(scheme_to_list(args[i], who))
    return lists


def b_map(args: list[W_Object]) -> W_Object:
    fn = args[0]
    if len(args) == 2:
        out: list[W_Object] = []
        cur = args[1]
        while isinstance(cur, W_Pair):
            out.append(call_procedure(fn, [cur.car]))
            cur = cur.cdr
        if cur is not NIL:
            raise wrong_type("map", "list", args[1])
        return list_to_scheme(out)
    lists = lists_of(args, "map")
    n = min([len(xs) for xs in lists])
    out2: list[W_Object] = []
    for i in range(n):
        out2.append(call_procedure(fn, [xs[i] for xs in lists]))
    return list_to_scheme(out2)


def b_for_each(args: list[W_Object]) -> W_Object:
    fn = args[0]
    if len(args) == 2:
        cur = args[1]
        while isinstance(cur, W_Pair):
            call_procedure(fn, [cur.car])
            cur = cur.cdr
        if cur is not NIL:
            raise wrong_type("for-each", "list", args[1])
        return UNSPECIFIED
    lists = lists_of(args, "for-each")
    n = min([len(xs) for xs in lists])
    for i in range(n):
        call_procedure(fn, [xs[i] for xs in lists])
    return UNSPECIFIED


def b_filter(args: list[W_Object]) -> W_Object:
    out: list[W_Object] = []
    for x in scheme_to_list(args[1], "filter"):
        if call_procedure(args[0], [x]) is not FALSE:
            out.append(x)
    return list_to_scheme(out)


def assoc_with(args: list[W_Object], kind: int, who: str) -> W_Object:
    key = args[0]
    cur = args[1]
    while isinstance(cur, W_Pair):
        entry = pair(cur.car, who)
        k = entry.car
        if kind == 0 and is_eq(key, k) or kind == 1 and key.eqv(k) or kind == 2 and key.equal(k):
            return entry
        cur = cur.cdr
    return FALSE


def b_assq(args: list[W_Object]) -> W_Object:
    return assoc_with(args, 0, "assq")


def b_assv(args: list[W_Object]) -> W_Object:
    return assoc_with(args, 1, "assv")


def b_assoc(args: list[W_Object]) -> W_Object:
    return assoc_with(args, 2, "assoc")


def member_with(args: list[W_Object], kind: int) -> W_Object:
    key = args[0]
    cur = args[1]
    while isinstance(cur, W_Pair):
        k = cur.car
        if kind == 0 and is_eq(key, k) or kind == 1 and key.eqv(k) or kind == 2 and key.equal(k):
            return cur
        cur = cur.cdr
    return FALSE


def b_memq(args: list[W_Object]) -> W_Object:
    return member_with(args, 0)


def b_memv(args: list[W_Object]) -> W_Object:
    return member_with(args, 1)


def b_member(args: list[W_Object]) -> W_Object:
    return member_with(args, 2)


def b_apply(args: list[W_Object]) -> W_Object:
    return call_procedure(args[0], spread_args(args))


def b_display(args: list[W_Object]) -> W_Object:
    sys.stdout.write(args[0].display())
    return UNSPECIFIED


def b_write(args: list[W_Object]) -> W_Object:
    sys.stdout.write(args[0].write())
    return UNSPECIFIED


def b_newline(args: list[W_Object]) -> W_Object:
    sys.stdout.write("\n")
    return UNSPECIFIED


def string(x: W_Object, who: str) -> str:
    if isinstance(x, W_String):
        return x.value
    raise wrong_type(who, "string", x)


def b_string_append(args: list[W_Object]) -> W_Object:
    return W_String("".join([string(a, "string-append") for a in args]))


def b_string_length(args: list[W_Object]) -> W_Object:
    return make_int(len(string(args[0], "string-length")))


def index_arg(x: W_Object, limit: int, who: str) -> int:
    i = exact_int(x, who)
    if i < 0 or i > limit:
        raise SchemeError(who + ": Value out of range:", [x])
    return i


def b_substring(args: list[W_Object]) -> W_Object:
    s = string(args[0], "substring")
    end = len(s)
    if len(args) > 2:
        end = index_arg(args[2], len(s), "substring")
    start = index_arg(args[1], end, "substring")
    return W_String(s[start:end])


def b_string_ref(args: list[W_Object]) -> W_Object:
    s = string(args[0], "string-ref")
    i = exact_int(args[1], "string-ref")
    if i < 0 or i >= len(s):
        raise SchemeError("string-ref: Value out of range:", [args[1]])
    return W_Char(s[i])


def b_string_eq(args: list[W_Object]) -> W_Object:
    for i in range(len(args) - 1):
        if string(args[i], "string=?") != string(args[i + 1], "string=?"):
            return FALSE
    return TRUE


def b_string_lt(args: list[W_Object]) -> W_Object:
    for i in range(len(args) - 1):
        if not string(args[i], "string<?") < string(args[i + 1], "string<?"):
            return FALSE
    return TRUE


def b_number_to_string(args: list[W_Object]) -> W_Object:
    n = num(args[0], "number->string")
    radix = 10
    if len(args) > 1:
        radix = exact_int(args[1], "number->string")
    if radix not in [2, 8, 10, 16]:
        raise SchemeError("number->string: unsupported radix:", [args[1]])
    return W_String(n.number_to_string(radix))


def b_string_to_number(args: list[W_Object]) -> W_Object:
    s = string(args[0], "string->number")
    if len(args) > 1:
        radix = exact_int(args[1], "string->number")
        n = reader.parse_radix_number(s, radix)
        return FALSE if n is None else n
    if s.startswith("#x"):
        n = reader.parse_radix_number(s[2:], 16)
        return FALSE if n is None else n
    r = reader.parse_number(s)
    return FALSE if r is None else r


def b_symbol_to_string(args: list[W_Object]) -> W_Object:
    s = args[0]
    if not isinstance(s, W_Symbol):
        raise wrong_type("symbol->string", "symbol", s)
    return W_String(s.name)


def b_string_to_list(args: list[W_Object]) -> W_Object:
    out: list[W_Object] = [W_Char(c) for c in string(args[0], "string->list")]
    return list_to_scheme(out)


def b_list_to_string(args: list[W_Object]) -> W_Object:
    parts: list[str] = []
    for c in scheme_to_list(args[0], "list->string"):
        if not isinstance(c, W_Char):
            raise wrong_type("list->string", "character", c)
        parts.append(c.value)
    return W_String("".join(parts))


def b_string(args: list[W_Object]) -> W_Object:
    parts: list[str] = []
    for c in args:
        if not isinstance(c, W_Char):
            raise wrong_type("string", "character", c)
        parts.append(c.value)
    return W_String("".join(parts))


def b_char_to_integer(args: list[W_Object]) -> W_Object:
    c = args[0]
    if not isinstance(c, W_Char):
        raise wrong_type("char->integer", "character", c)
    return make_int(ord(c.value))


def b_integer_to_char(args: list[W_Object]) -> W_Object:
    i = exact_int(args[0], "integer->char")
    if i < 0 or i > 0x10FFFF or 0xD800 <= i <= 0xDFFF:
        raise SchemeError("integer->char: Value out of range:", [args[0]])
    return W_Char(chr(i))


def b_exact_to_inexact(args: list[W_Object]) -> W_Object:
    return W_Float(num(args[0], "exact->inexact").to_float())


def b_inexact_to_exact(args: list[W_Object]) -> W_Object:
    n = num(args[0], "inexact->exact")
    if isinstance(n, W_Float):
        v = n.value
        if not n.is_integer():
            raise SchemeError("inexact->exact: non-integral values are not supported:", [n])
        try:
            return make_int(int(v))
        except OverflowError:
            big = hook().parse(f"{v:.0f}")
            if big is None:
                raise SchemeError("integer overflow", [])
            return big
    return n


def b_error(args: list[W_Object]) -> W_Object:
    if len(args) == 0:
        raise SchemeError("unspecified error", [])
    msg = args[0]
    text = msg.display() if isinstance(msg, W_String) else msg.write()
    raise SchemeError(text, args[1:])


class Loader:
    space: Space

    def __init__(self, space: Space) -> None:
        self.space = space

    def load(self, args: list[W_Object]) -> W_Object:
        path = string(args[0], "load-extension")
        try:
            load_extension(path, self.space)
        except ImportError as e:
            raise SchemeError("load-extension: " + str(e), [])
        return UNSPECIFIED


def register_all(space: Space) -> None:
    r = space.register
    v = -1
    r("+", 0, v, b_add)
    r("-", 1, v, b_sub)
    r("*", 0, v, b_mul)
    r("/", 1, v, b_div)
    r("quotient", 2, 2, b_quotient)
    r("remainder", 2, 2, b_remainder)
    r("modulo", 2, 2, b_modulo)
    r("expt", 2, 2, b_expt)
    r("=", 1, v, b_num_eq)
    r("<", 1, v, b_lt)
    r(">", 1, v, b_gt)
    r("<=", 1, v, b_le)
    r(">=", 1, v, b_ge)
    r("abs", 1, 1, b_abs)
    r("min", 1, v, b_min)
    r("max", 1, v, b_max)
    r("not", 1, 1, b_not)
    r("eq?", 2, 2, b_eq)
    r("eqv?", 2, 2, b_eqv)
    r("equal?", 2, 2, b_equal)
    r("null?", 1, 1, b_null)
    r("pair?", 1, 1, b_pair)
    r("list?", 1, 1, b_list_p)
    r("number?", 1, 1, b_number_p)
    r("integer?", 1, 1, b_integer_p)
    r("exact?", 1, 1, b_exact_p)
    r("inexact?", 1, 1, b_inexact_p)
    r("symbol?", 1, 1, b_symbol_p)
    r("string?", 1, 1, b_string_p)
    r("char?", 1, 1, b_char_p)
    r("boolean?", 1, 1, b_boolean_p)
    r("procedure?", 1, 1, b_procedure_p)
    r("zero?", 1, 1, b_zero_p)
    r("positive?", 1, 1, b_positive_p)
    r("negative?", 1, 1, b_negative_p)
    r("even?", 1, 1, b_even_p)
    r("odd?", 1, 1, b_odd_p)
    r("cons", 2, 2, b_cons)
    r("car", 1, 1, b_car)
    r("cdr", 1, 1, b_cdr)
    r("cadr", 1, 1, b_cadr)
    r("cddr", 1, 1, b_cddr)
    r("caar", 1, 1, b_caar)
    r("cdar", 1, 1, b_cdar)
    r("caddr", 1, 1, b_caddr)
    r("set-car!", 2, 2, b_set_car)
    r("set-cdr!", 2, 2, b_set_cdr)
    r("list", 0, v, b_list)
    r("length", 1, 1, b_length)
    r("append", 0, v, b_append)
    r("reverse", 1, 1, b_reverse)
    r("list-tail", 2, 2, b_list_tail)
    r("list-ref", 2, 2, b_list_ref)
    r("map", 2, v, b_map)
    r("for-each", 2, v, b_for_each)
    r("filter", 2, 2, b_filter)
    r("assq", 2, 2, b_assq)
    r("assv", 2, 2, b_assv)
    r("assoc", 2, 2, b_assoc)
    r("memq", 2, 2, b_memq)
    r("memv", 2, 2, b_memv)
    r("member", 2, 2, b_member)
    r("apply", 2, v, b_apply)
    applier = space.cell("apply").value
    assert applier is not None
    APPLY.builtin = applier
    r("display", 1, 2, b_display)
    r("write", 1, 2, b_write)
    r("newline", 0, 1, b_newline)
    r("string-append", 0, v, b_string_append)
    r("string-length", 1, 1, b_string_length)
    r("substring", 2, 3, b_substring)
    r("string-ref", 2, 2, b_string_ref)
    r("string=?", 1, v, b_string_eq)
    r("string<?", 1, v, b_string_lt)
    r("string", 0, v, b_string)
    r("number->string", 1, 2, b_number_to_string)
    r("string->number", 1, 2, b_string_to_number)
    r("string->symbol", 1, 1, space_string_to_symbol(space))
    r("symbol->string", 1, 1, b_symbol_to_string)
    r("string->list", 1, 1, b_string_to_list)
    r("list->string", 1, 1, b_list_to_string)
    r("char->integer", 1, 1, b_char_to_integer)
    r("integer->char", 1, 1, b_integer_to_char)
    r("exact->inexact", 1, 1, b_exact_to_inexact)
    r("inexact->exact", 1, 1, b_inexact_to_exact)
    r("error", 0, v, b_error)
    r("load-extension", 1, 1, Loader(space).load)
    # What quasiquote and case expand to, out of the program's reach.
    r(" cons", 2, 2, b_cons)
    r(" list", 0, v, b_list)
    r(" append", 0, v, b_append)
    r(" memv", 2, 2, b_memv)


class Interner:
    space: Space

    def __init__(self, space: Space) -> None:
        self.space = space

    def string_to_symbol(self, args: list[W_Object]) -> W_Object:
        return self.space.intern(string(args[0], "string->symbol"))


def space_string_to_symbol(space: Space) -> Callable[[list[W_Object]], W_Object]:
    return Interner(space).string_to_symbol


def builtin_names(space: Space) -> list[str]:
    return [name for name, cell in space.globals.items() if isinstance(cell.value, W_Builtin)]
