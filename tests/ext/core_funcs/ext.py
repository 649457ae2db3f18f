# Calls every kind of exported core function and prints what comes back.
from main import Point, Space, add_int, scale, negate, shout, note, squares, total
from main import count_words, keys_of, pair, describe, find, evens, maybe_dict, maybe_name, origin_or
from main import make_point, midpoint, checked_div, lookup, many
import main


def init_module(space: Space) -> None:
    print(add_int(40, 2), add_int(-7, 3))
    print(scale(1.5, 3.0), scale(0.1, 3.0), scale(2.0, 1e20))
    print(negate(True), negate(False))
    print(shout("hi"), repr(shout("é")))
    note(space, "first")
    print("note returned", note(space, "second"))
    sq = squares(6)
    print(sq, len(sq), total(sq))
    sq.append(100)
    print(total(sq))
    counts = count_words(["a", "b", "a", "c", "a"])
    print(counts, counts["a"])
    print(keys_of({3: "c", 1: "a", 2: "b"}))
    t = pair(7, "seven")
    n, s = t
    print(t, n, s, t[0] + 1, t[1] + "!")
    print(describe((1, "one", 1.25)))
    words = ["xa", "yb", "zc"]
    w = find(words, "y")
    if w is not None:
        print("found", w, len(w))
    w2 = find(words, "q")
    print("q:", w2, w2 is None)
    print(evens([1, 2, 3, 4]), evens(None))
    ev = evens([6, 7, 8])
    if ev is not None:
        print(len(ev), ev[-1])
    print(maybe_dict(3), maybe_dict(-1))
    print(maybe_name(True), maybe_name(False))
    name = maybe_name(True)
    if name is not None:
        print(len(name))
    p = origin_or(None)
    q = origin_or(make_point(4, 6))
    print(p.show(), q.show(), midpoint(p, q).show())
    print(main.add_int(1, 1), main.make_point(9, 9).show())
    print(checked_div(7, 2))
    try:
        print(checked_div(1, 0))
    except ValueError as e:
        print("caught:", e)
    try:
        print(lookup({"a": 1}, "a"), lookup({"a": 1}, "b"))
    except KeyError as e:
        print("key error:", e)
    print(many(1, 2.5, False, "d", ["e"], {"f": 0.5}, Point(1, 2)))
