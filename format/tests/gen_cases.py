"""Records what CPython 3.11 does for format() and %-formatting, for
format/tests/cpython.rs. Run from this directory: python3 gen_cases.py > cases.txt

Each line: kind, then fields, tab-separated (a backslash, tab or newline written as two characters: backslash and one of "\\", "t", "n").
  F <value> <spec> <expected>      format(value, spec)
  P <fmt> <is_tuple> <values...> '|' <expected>   fmt % args
A value is TYPE:TEXT (int, float as repr, bool, str, or other:NAME:STR:REPR).
An expected error is '!' + exception class + ': ' + message.
"""
import random
import sys

random.seed(7)


def enc(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def val(v: object) -> str:
    if isinstance(v, bool):
        return "bool:" + str(v)
    if isinstance(v, int):
        return "int:" + str(v)
    if isinstance(v, float):
        return "float:" + v.hex()
    if isinstance(v, str):
        return "str:" + v
    return "other:" + type(v).__name__ + ":" + str(v) + ":" + repr(v)


def outcome(f) -> str:
    try:
        return f()
    except (ValueError, TypeError, OverflowError) as e:
        return "!" + type(e).__name__ + ": " + str(e)


ints = [0, 1, -1, 7, 42, -42, 255, 65, 1000, 1234567, -1234567, 2**63 - 1, -(2**63), 0x10FFFF, 0x110000, 10**12]
floats = [0.0, -0.0, 1.0, -1.0, 1.5, 0.1, 0.5, 2.5, 0.125, 0.375, 9.995, 99.5, 1 / 3, 2 / 3, 1e16, 1e15, 1.5e16,
          1e-7, 1e-4, 1e-5, 123456789.123, 1234.5678, -0.00001234, 1e300, -1e300, 5e-324, 1.7976931348623157e308,
          float("inf"), float("-inf"), float("nan"), 100.0, 12345.0, 0.999999, 9.9999995, 3.14159265358979]
bools = [True, False]
strs = ["", "a", "abc", "héllo", "日本語", "x" * 12]
others = [[1, 2], None, {}, (1,)]
values = ints + floats + bools + strs + others

fixed_specs = ["", "d", "x", "X", "o", "b", "c", "n", "e", "E", "f", "F", "g", "G", "%", "s", "r", "#x", "#o", "#b", "#X",
               ">8", "<8", "^8", "=8", "*^9", "0>6", "08", "+", "-", " ", "+d", " d", "z", "z.1f", "#", "#.0f", "#g",
               ".3f", ".0f", ".1f", ".2e", ".0e", ".3g", ".0g", ".17g", ".3", ".0", ".1%", ",", "_", ",d", "_x", "_b",
               "_X", "_o", ",x", ",.2f", "010,", "012_", "020,.3f", "+010.2f", " 010.3e", "=+12,", "x<10,", "€^7",
               ".2s", ".0s", "10.3s", "<0", "abc", "..2", ".", ",_", "_,", "99999999999999999999999", ".2147483648",
               "z#d", "+c", "#c", ">5c", "05c", ",c", "3c", "08.3", "#010x", "-#010b", "+#x", ".5%", "10%", "015.4g",
               "\x01", "é", "\u00a0<5", "<<5", "0", "00", "010", "=010", "10=", "+s", "=s", "#s", "zs", " s", ",s",
               "_d", "0=+8", "^+10.2e", "#.3g", "#.0e", "#e", "g", ".1g", ".2", "#.2", ".16", ".15"]


def random_spec() -> str:
    parts = []
    if random.random() < 0.3:
        parts.append(random.choice(["", "*", "0", "x", " "]) + random.choice("<>^="))
    if random.random() < 0.3:
        parts.append(random.choice("+- "))
    if random.random() < 0.1:
        parts.append("z")
    if random.random() < 0.2:
        parts.append("#")
    if random.random() < 0.2:
        parts.append("0")
    if random.random() < 0.5:
        parts.append(str(random.randint(0, 25)))
    if random.random() < 0.2:
        parts.append(random.choice(",_"))
    if random.random() < 0.4:
        parts.append("." + str(random.randint(0, 20)))
    if random.random() < 0.8:
        parts.append(random.choice("bcdeEfFgGnosxX%"))
    return "".join(parts)


out = []
for v in values:
    for s in fixed_specs:
        out.append(("F", val(v), s, outcome(lambda: format(v, s))))
for _ in range(2500):
    v = random.choice(values)
    s = random_spec()
    out.append(("F", val(v), s, outcome(lambda: format(v, s))))

pct_fixed = [("%s", (1,)), ("%d", (3.99,)), ("%d", (-3.99,)), ("%d", (float("nan"),)), ("%d", (float("inf"),)),
             ("%x", (1.5,)), ("%c", ("ab",)), ("%c", (-1,)), ("%c", (65,)), ("%c", ("é",)), ("%c", (1.0,)),
             ("%*d", ("a", 1)), ("%010f", (float("inf"),)), ("%05s", ("a",)), ("%-05d", (3,)), ("%.3d", (5,)),
             ("%#o", (15,)), ("%#x", (-31,)), ("%+.2e", (1234.5,)), ("%#.0f", (2.0,)), ("%s %s", "ab"),
             ("%s", (1, 2)), ("%i", (True,)), ("%.2s", ("abc",)), ("%r", ("a",)), ("%a", ("é",)), ("%5c", (65,)),
             ("%x", (True,)), ("%e", (1,)), ("%g", (1e-5,)), ("%ld", (3,)), ("% d", (3,)), ("%s", ([1],)),
             ("abc", 1), ("abc", ()), ("%d %d", (1,)), ("%z", (1,)), ("%.*f", (2, 1.2345)),
             ("%*.*f", (8, 2, 1.2345)), ("%-*d", (-5, 1)), ("%*d", (-5, 1)), ("%5%", (1,)), ("%5%", ()),
             ("%%", ()), ("%s%%", (1,)), ("%#5.3x", (5,)), ("%0+8.2f", (-3.14159,)), ("%08.3e", (-1e-300,)),
             ("% 08d", (42,)), ("%#X", (255,)), ("%o", (-8,)), ("%.0e", (12345.0,)), ("%#g", (1.0,)),
             ("%-8s|", ("ab",)), ("%.0s|", ("ab",)), ("%s", (None,)), ("%u", (3,)), ("%F", (float("nan"),)),
             ("%E", (1e100,)), ("%.3g", (0.0001234,)), ("%10.4G", (1e-10,)), ("%f", ("a",)), ("%d", ("a",)),
             ("%", ()), ("%5", (1,)), ("%.", (1,)), ("%l", (1,)), ("abc", "x"), ("abc", [1]), ("abc", {}),
             ("%s", "abc"), ("%s %d", ("x", 2)), ("%+5d|%-+5d|% 5d", (1, 2, 3)), ("%#8.3o", (8,)),
             ("%08.2f%%", (12.345,)), ("%.100f", (0.1,)), ("%s", (1.0,)), ("%r", (1e22,)), ("%s", (True,)),
             ("%5s|%-5s", ("é", "日")), ("%.1s", ("日本",)), ("%c%c", ("a", 98)), ("%(a)s", 1), ("%s", (-0.0,)),
             ("%f", (-0.0,)), ("%+f", (0.0,)), ("%#x", (0,)), ("%#.0x", (0,)), ("%.0d", (0,)), ("%08d", (-42,)),
             ("%-08d|", (-42,)), ("%+08x", (255,)), ("%#-8x|", (255,)), ("%#08X", (255,)), ("%x", (-(2**63),))]
for f, a in pct_fixed:
    is_tuple = isinstance(a, tuple)
    args = list(a) if is_tuple else [a]
    out.append(("P", f, "1" if is_tuple else "0", *[val(x) for x in args], "|", outcome(lambda: f % a)))

pct_vals = [0, 5, -17, 255, 3.25, -0.5, 1e15, 1e-20, float("inf"), True, "s", "日本"]
for _ in range(1500):
    flags = "".join(random.choice("-+ #0") for _ in range(random.randint(0, 2)))
    width = random.choice(["", "", str(random.randint(0, 12))])
    prec = random.choice(["", "", "." + str(random.randint(0, 8)), "."])
    conv = random.choice("sradiouxXeEfFgGc")
    fmt = "<%" + flags + width + prec + conv + ">"
    v = random.choice(pct_vals)
    out.append(("P", fmt, "1", val(v), "|", outcome(lambda: fmt % (v,))))

for row in out:
    print("\t".join(enc(x) for x in row))
