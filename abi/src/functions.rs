//! The runtime function table: every `extern "C"` function of the runtime that
//! generated code may call, written once, as one declarative macro that each side
//! of the boundary expands into what it needs.
//!
//! ```text
//!                       foreach_runtime_function!
//!                     ┌────────────┴────────────┐
//!   seam-core (rt.rs): the `Rt` enum,        seam-runtime (abi_check.rs): one
//!   symbols, machine signatures, `raises`    `const _: unsafe extern "C" fn(..) = seam_x;`
//!   and `noreturn` for the backend and       per entry, so a missing definition or a
//!   the exports file                         signature that differs fails `cargo build`
//! ```
//!
//! `foreach_runtime_function!(m)` invokes the macro `m` once with every entry, in
//! table order (the order of the exports file's runtime function list). An entry is
//!
//! ```text
//!   /// doc comment
//!   Variant = symbol(Kind, ...) -> Kind, flag;
//! ```
//!
//! where the result and the flag are optional. `Variant` names the function in the
//! translator (`Rt::Variant`), `symbol` is the identifier the runtime defines it
//! under with `#[unsafe(no_mangle)]`, and each kind is one of:
//!
//! | kind | the runtime's Rust type | what crosses |
//! |---|---|---|
//! | `I64` | `i64` | an `int` (and the unused value of `None`) |
//! | `F64` | `f64` | a `float` |
//! | `I8` | `u8` | a `bool`, 0 or 1 |
//! | `Word` | `u64` | any value as 64 bits: a float's IEEE bits, a bool zero-extended, a pointer |
//! | `Ptr` | `*mut u8` | a GC reference or null (or an address the callee writes through) |
//! | `Addr` | `*const u8` | a read-only static address, never a GC reference: a type code, literal bytes, code |
//! | `AddrTable` | `*const *const u8` | a read-only static array of such addresses |
//!
//! `Ptr`, `Addr` and `AddrTable` are the same machine class (a pointer) to generated
//! code. The flag is `raises` when the function may return with the exception state
//! ([`crate::symbols::EXC_CURRENT`]) set, and then with a meaningless result: generated
//! code tests the state after calling it. Every function that allocates a GC object
//! for generated code is marked `raises`: it raises `MemoryError` when the memory
//! cannot be had. The flag is `noreturn` for a function that never returns.
//!
//! Pointers are GC references unless the comment says otherwise. Missing optional
//! arguments are passed as [`crate::MISSING`] for integers and as null for pointers.
//!
//! Adding a runtime function is one line here and one definition in the runtime.

/// Invokes `$m!` with every entry of the runtime function table (see the module
/// documentation for the entry syntax and the kinds).
#[macro_export]
macro_rules! foreach_runtime_function {
    ($m:ident) => {
        $m! {
        // ---- output and errors ----
        /// Append a `str` to the buffered stdout.
        WriteStr = seam_write_str(Ptr);
        /// Raise builtin exception `kind` (see [`ExcKind`]) with message `msg` (a `str`, or null for none):
        /// allocates an instance of the registered builtin class and sets the exception state.
        /// The message is printed as given: for `KeyError` the front end passes the repr of the argument.
        RaiseBuiltin = seam_raise_builtin(I64, Ptr), raises;

        // ---- arithmetic that raises or needs care ----
        /// `a // b` with floor semantics; ZeroDivisionError "integer division or modulo by zero".
        IntFloorDiv = seam_int_floordiv(I64, I64) -> I64, raises;
        /// `a % b` with the sign of `b`; ZeroDivisionError "integer division or modulo by zero".
        IntMod = seam_int_mod(I64, I64) -> I64, raises;
        /// `a / b` on ints; ZeroDivisionError "division by zero".
        IntTrueDiv = seam_int_truediv(I64, I64) -> F64, raises;
        /// `a ** b`; ValueError for a negative exponent, OverflowError past 64 bits.
        IntPow = seam_int_pow(I64, I64) -> I64, raises;
        /// `a << b`; ValueError "negative shift count", OverflowError past 64 bits.
        IntLshift = seam_int_lshift(I64, I64) -> I64, raises;
        /// `a >> b` (arithmetic); ValueError "negative shift count".
        IntRshift = seam_int_rshift(I64, I64) -> I64, raises;
        /// `a / b` on floats; ZeroDivisionError "float division by zero".
        FloatDiv = seam_float_div(F64, F64) -> F64, raises;
        /// `a // b` on floats; ZeroDivisionError "float floor division by zero".
        FloatFloorDiv = seam_float_floordiv(F64, F64) -> F64, raises;
        /// `a % b` on floats; ZeroDivisionError "float modulo".
        FloatMod = seam_float_mod(F64, F64) -> F64, raises;
        /// `a ** b` on floats; ZeroDivisionError "0.0 cannot be raised to a negative power".
        FloatPow = seam_float_pow(F64, F64) -> F64, raises;

        // ---- checked integers, numeric builtins, recursion (runtime/src/ints.rs) ----
        /// Raise OverflowError "integer overflow: result does not fit in 64 bits" (the
        /// cold path of the inline overflow checks).
        RaiseOverflow = seam_raise_overflow(), raises;
        /// Raise RecursionError "maximum recursion depth exceeded" (the cold path of the
        /// stack check in the prologue of functions that may recurse).
        RaiseRecursion = seam_raise_recursion(), raises;
        /// `a ** b` wrapping modulo 2**64 (inside `seam.intmask`); ValueError for a negative exponent.
        IntPowWrapping = seam_int_pow_wrapping(I64, I64) -> I64, raises;
        /// `a << b` wrapping modulo 2**64 (inside `seam.intmask`); ValueError "negative shift count".
        IntLshiftWrapping = seam_int_lshift_wrapping(I64, I64) -> I64, raises;
        /// `round(f)`: to nearest, ties to even; ValueError for nan, OverflowError for
        /// infinity and past 64 bits.
        FloatRound = seam_float_round(F64) -> I64, raises;
        /// `round(f, n)`: correctly rounded to `n` decimal digits, ties to even;
        /// OverflowError "rounded value too large to represent".
        FloatRoundDigits = seam_float_round_digits(F64, I64) -> F64, raises;
        /// `round(i, n)`: `i` unchanged for `n >= 0`, else to a multiple of `10**-n`, ties
        /// to even; OverflowError past 64 bits.
        IntRoundDigits = seam_int_round_digits(I64, I64) -> I64, raises;
        /// `hex(i)`, `oct(i)`, `bin(i)` for `base` 16, 8, 2: `-0x1f`, `0o17`, `0b101`.
        IntToBase = seam_int_to_base(I64, I64) -> Ptr, raises;

        // ---- `e.args` (see the runtime's `exc_args.rs`) ----
        /// `len(e.args)` of an exception instance.
        ExcArgsLen = seam_exc_args_len(Ptr) -> I64;
        /// `str(e.args)` (index MISSING), or `str(e.args[i])`, or `repr(e.args[i])` when
        /// the flag is 1; IndexError "tuple index out of range".
        ExcArgsText = seam_exc_args_text(Ptr, I64, I8) -> Ptr, raises;

        // ---- C functions (`@seam.c_function`) ----
        /// The address of the NUL-terminated UTF-8 bytes of a `str` (as an integer: it
        /// points inside the object), for a C function's `const char *` parameter: the
        /// object's own bytes (every `str` is followed by a NUL byte), valid while the
        /// `str` lives; ValueError "embedded null character" when it holds one.
        StrAsC = seam_str_as_c(Ptr) -> I64, raises;
        /// A new `str` copied from the NUL-terminated UTF-8 text a C function returned
        /// (`name`, a `str`, is the function's, for the message): ValueError when the
        /// pointer is null, UnicodeDecodeError when the bytes are not UTF-8.
        StrFromC = seam_str_from_c(Addr, Ptr) -> Ptr, raises;

        // ---- conversions ----
        /// `str(i)`.
        StrFromInt = seam_str_from_int(I64) -> Ptr, raises;
        /// `str(f)`, CPython's float repr.
        StrFromFloat = seam_str_from_float(F64) -> Ptr, raises;
        /// `str(b)`: "True" / "False".
        StrFromBool = seam_str_from_bool(I8) -> Ptr, raises;
        /// `str(v)` of any value, walking type code `tc` (a NUL-terminated static string).
        StrOf = seam_str_of(Word, Addr) -> Ptr, raises;
        /// `repr(v)` of any value, walking type code `tc`.
        ReprOf = seam_repr_of(Word, Addr) -> Ptr, raises;
        /// `int(s)`; ValueError "invalid literal for int() with base 10: 's'".
        IntFromStr = seam_int_from_str(Ptr) -> I64, raises;
        /// `float(s)`; ValueError "could not convert string to float: 's'".
        FloatFromStr = seam_float_from_str(Ptr) -> F64, raises;
        /// `int(f)`, truncating; ValueError for nan, OverflowError for inf.
        IntFromFloat = seam_int_from_float(F64) -> I64, raises;
        /// `chr(i)`; ValueError "chr() arg not in range(0x110000)".
        Chr = seam_chr(I64) -> Ptr, raises;
        /// `ord(s)`; TypeError "ord() expected a character, but string of length N found".
        Ord = seam_ord(Ptr) -> I64, raises;

        // ---- str ----
        /// A new `str` from `len` bytes of UTF-8 at a raw address (literals at start-up).
        StrFromUtf8 = seam_str_from_utf8(Addr, I64) -> Ptr;
        StrConcat = seam_str_concat(Ptr, Ptr) -> Ptr, raises;
        /// `s * n` (n <= 0 gives "").
        StrRepeat = seam_str_repeat(Ptr, I64) -> Ptr, raises;
        /// `s[i]` by code point, negative from the end; IndexError "string index out of range".
        StrGetItem = seam_str_getitem(Ptr, I64) -> Ptr, raises;
        /// `s[start:stop:step]`, each bound [`MISSING`] when absent; ValueError "slice step cannot be zero".
        StrSlice = seam_str_slice(Ptr, I64, I64, I64) -> Ptr, raises;
        StrEq = seam_str_eq(Ptr, Ptr) -> I8;
        /// Code-point order: -1, 0 or 1.
        StrCmp = seam_str_cmp(Ptr, Ptr) -> I64;
        /// `needle in hay`.
        StrContains = seam_str_contains(Ptr, Ptr) -> I8;
        /// The one-character `str` starting at byte offset `pos` (for `for ch in s`;
        /// the caller advances `pos` by the result's byte length).
        StrCharAt = seam_str_char_at(Ptr, I64) -> Ptr, raises;
        StrStartswith = seam_str_startswith(Ptr, Ptr) -> I8;
        StrEndswith = seam_str_endswith(Ptr, Ptr) -> I8;
        /// Code-point index of the first occurrence, or -1.
        StrFind = seam_str_find(Ptr, Ptr) -> I64;
        /// `s.split(sep, maxsplit)`: `sep` null splits on whitespace; `maxsplit` -1 for all;
        /// ValueError "empty separator". Returns `list[str]`.
        StrSplit = seam_str_split(Ptr, Ptr, I64) -> Ptr, raises;
        /// `sep.join(xs)` for `xs: list[str]`.
        StrJoin = seam_str_join(Ptr, Ptr) -> Ptr, raises;
        /// `s.strip(chars)`, `chars` null for whitespace.
        StrStrip = seam_str_strip(Ptr, Ptr) -> Ptr, raises;
        StrLstrip = seam_str_lstrip(Ptr, Ptr) -> Ptr, raises;
        StrRstrip = seam_str_rstrip(Ptr, Ptr) -> Ptr, raises;
        StrUpper = seam_str_upper(Ptr) -> Ptr, raises;
        StrLower = seam_str_lower(Ptr) -> Ptr, raises;
        /// `s.replace(old, new)`.
        StrReplace = seam_str_replace(Ptr, Ptr, Ptr) -> Ptr, raises;
        StrIsdigit = seam_str_isdigit(Ptr) -> I8;
        StrIsalpha = seam_str_isalpha(Ptr) -> I8;
        StrIsspace = seam_str_isspace(Ptr) -> I8;
        StrIslower = seam_str_islower(Ptr) -> I8;
        StrIsupper = seam_str_isupper(Ptr) -> I8;

        // ---- list (elements are words) ----
        /// An empty list; `elem_is_ref` 1 when elements are GC references; `capacity` a hint.
        ListNew = seam_list_new(I8, I64) -> Ptr, raises;
        ListAppend = seam_list_append(Ptr, Word), raises;
        /// `l[i]`, negative from the end; IndexError "list index out of range".
        ListGetItem = seam_list_getitem(Ptr, I64) -> Word, raises;
        /// `l[i] = v`; IndexError "list assignment index out of range".
        ListSetItem = seam_list_setitem(Ptr, I64, Word), raises;
        /// `del l[i]`; IndexError "list assignment index out of range".
        ListDelItem = seam_list_delitem(Ptr, I64), raises;
        /// `l.pop(i)` (front end passes -1 by default); IndexError "pop from empty list" / "pop index out of range".
        ListPop = seam_list_pop(Ptr, I64) -> Word, raises;
        ListInsert = seam_list_insert(Ptr, I64, Word), raises;
        /// `l.extend(other)` (other may be `l` itself).
        ListExtend = seam_list_extend(Ptr, Ptr), raises;
        /// `l.index(v)` comparing with type code `tc` of the element; ValueError "<repr> is not in list".
        ListIndex = seam_list_index(Ptr, Word, Addr) -> I64, raises;
        /// `v in l`, comparing with element type code `tc`.
        ListContains = seam_list_contains(Ptr, Word, Addr) -> I8, raises;
        /// `l.sort(reverse=r)`, stable, ordering by element type code `tc`.
        ListSort = seam_list_sort(Ptr, Addr, I8), raises;
        ListReverse = seam_list_reverse(Ptr);
        ListCopy = seam_list_copy(Ptr) -> Ptr, raises;
        ListConcat = seam_list_concat(Ptr, Ptr) -> Ptr, raises;
        ListRepeat = seam_list_repeat(Ptr, I64) -> Ptr, raises;
        /// `l[start:stop:step]` as for [`Rt::StrSlice`].
        ListSlice = seam_list_slice(Ptr, I64, I64, I64) -> Ptr, raises;
        /// `list(s)`: the characters of a `str`.
        ListFromStr = seam_list_from_str(Ptr) -> Ptr, raises;
        /// `min(l)` by element type code; ValueError "min() arg is an empty sequence".
        ListMin = seam_list_min(Ptr, Addr) -> Word, raises;
        /// `max(l)`; ValueError "max() arg is an empty sequence".
        ListMax = seam_list_max(Ptr, Addr) -> Word, raises;

        // ---- dict (keys are int words, str references, or values of a type code: see DictNewKeyed) ----
        /// An empty dict; `key_is_str`, `value_is_ref` as 0/1.
        DictNew = seam_dict_new(I8, I8) -> Ptr, raises;
        /// `d[k]`; KeyError whose message is the key's repr.
        DictGetItem = seam_dict_getitem(Ptr, Word) -> Word, raises;
        DictSetItem = seam_dict_setitem(Ptr, Word, Word), raises;
        /// `del d[k]`; KeyError.
        DictDelItem = seam_dict_delitem(Ptr, Word), raises;
        DictContains = seam_dict_contains(Ptr, Word) -> I8, raises;
        /// `d.get(k, default)` (the front end passes the `None` word when there is no default).
        DictGet = seam_dict_get(Ptr, Word, Word) -> Word, raises;
        /// `d.pop(k)`; KeyError.
        DictPop = seam_dict_pop(Ptr, Word) -> Word, raises;
        /// `d.pop(k, default)`.
        DictPopDefault = seam_dict_pop_default(Ptr, Word, Word) -> Word, raises;
        /// `d.setdefault(k, default)`.
        DictSetdefault = seam_dict_setdefault(Ptr, Word, Word) -> Word, raises;
        /// A new `list` of the keys, in insertion order.
        DictKeys = seam_dict_keys(Ptr) -> Ptr, raises;
        /// A new `list` of the values.
        DictValues = seam_dict_values(Ptr) -> Ptr, raises;
        /// A new `list` of `(key, value)` tuples; `ref_mask` is the tuples' reference bitmask.
        DictItems = seam_dict_items(Ptr, I64) -> Ptr, raises;
        DictCopy = seam_dict_copy(Ptr) -> Ptr, raises;
        /// Iteration: the index of the first live entry at or after `pos`, or -1 at the end,
        /// for a loop that began at length `expected_len` and has taken `taken` entries.
        /// RuntimeError "dictionary changed size during iteration" when the length is not
        /// `expected_len`, "dictionary keys changed during iteration" when an entry is found
        /// after `expected_len` were taken.
        DictIterNext = seam_dict_iter_next(Ptr, I64, I64, I64) -> I64, raises;
        /// The key of the live entry at index `i` (from [`Rt::DictIterNext`]).
        DictEntryKey = seam_dict_entry_key(Ptr, I64) -> Word;
        /// The value of the live entry at index `i`.
        DictEntryValue = seam_dict_entry_value(Ptr, I64) -> Word;

        // ---- tuples ----
        /// A new tuple of `n` zeroed words; bit `i` of `ref_mask` set when element `i` is a reference.
        /// Elements are stored at [`crate::layout::TUPLE_ITEMS`] + 8 * i.
        TupleNew = seam_tuple_new(I64, I64) -> Ptr, raises;
        /// `t[i]` of a `tuple[T, ...]`; IndexError "tuple index out of range".
        TupleGetItem = seam_tuple_getitem(Ptr, I64) -> Word, raises;
        /// `tuple(l)` of a list: a `tuple[T, ...]`; MemoryError when it cannot be had.
        TupleFromList = seam_tuple_from_list(Ptr) -> Ptr, raises;
        /// The elements of a tuple of one element type as a new list; `is_ref` 0/1.
        TupleToList = seam_tuple_to_list(Ptr, I8) -> Ptr, raises;

        // ---- sets and optional values (collections) ----
        /// A new empty `set` whose elements have type code `elem_tc` (a static string).
        SetNew = seam_set_new(Addr) -> Ptr, raises;
        SetAdd = seam_set_add(Ptr, Word), raises;
        SetContains = seam_set_contains(Ptr, Word) -> I8;
        /// KeyError (the element's repr) when absent.
        SetRemove = seam_set_remove(Ptr, Word), raises;
        SetDiscard = seam_set_discard(Ptr, Word);
        /// KeyError "pop from an empty set" on an empty set.
        SetPop = seam_set_pop(Ptr) -> Word, raises;
        SetClear = seam_set_clear(Ptr);
        SetCopy = seam_set_copy(Ptr) -> Ptr, raises;
        /// `s.update(t)`, `s |= t` for a set `t`.
        SetUpdate = seam_set_update(Ptr, Ptr), raises;
        SetUnion = seam_set_union(Ptr, Ptr) -> Ptr, raises;
        SetIntersection = seam_set_intersection(Ptr, Ptr) -> Ptr, raises;
        SetDifference = seam_set_difference(Ptr, Ptr) -> Ptr, raises;
        SetSymmetricDifference = seam_set_symmetric_difference(Ptr, Ptr) -> Ptr, raises;
        SetIssubset = seam_set_issubset(Ptr, Ptr) -> I8;
        SetIsdisjoint = seam_set_isdisjoint(Ptr, Ptr) -> I8;
        /// Iteration: the index of the first element at or after `pos`, or -1 at the end.
        /// RuntimeError "Set changed size during iteration" when the length is not `expected_len`.
        SetIterNext = seam_set_iter_next(Ptr, I64, I64) -> I64, raises;
        /// The element at index `i` (from [`Rt::SetIterNext`]).
        SetEntry = seam_set_entry(Ptr, I64) -> Word;
        /// A new `list` of the elements in iteration order.
        SetToList = seam_set_to_list(Ptr) -> Ptr, raises;
        /// Adds the elements of a `list`, in order.
        SetAddList = seam_set_add_list(Ptr, Ptr), raises;
        /// A box holding an `int`, `float` or `bool` word: a non-None `int | None`...
        BoxNew = seam_box_new(Word) -> Ptr, raises;
        /// `s &= t`: `s` takes the contents of `s & t`.
        SetIntersectionUpdate = seam_set_intersection_update(Ptr, Ptr), raises;
        /// `s -= t`: removes `t`'s elements from `s` in place.
        SetDifferenceUpdate = seam_set_difference_update(Ptr, Ptr), raises;
        /// `s ^= t`: toggles `t`'s elements in `s`.
        SetSymmetricDifferenceUpdate = seam_set_symmetric_difference_update(Ptr, Ptr), raises;
        /// `type(v).__name__` of a value of type code `tc`.
        TypeName = seam_type_name(Word, Addr) -> Ptr, raises;

        // ---- generic, type-code driven ----
        /// `a == b` structurally for values of type code `tc`.
        Eq = seam_eq(Word, Word, Addr) -> I8, raises;
        /// Ordering of `a` and `b` (-1, 0, 1) for type code `tc` (int, float, str, bool, list, tuple).
        Cmp = seam_cmp(Word, Word, Addr) -> I64, raises;

        // ---- dunder methods (found in the class descriptor's dunder table), `object`, `hash` ----
        /// `a == b` (`op` 0) or `a != b` (`op` 1) of two instances or `None`s (null), by
        /// CPython's rules: the right operand's method first when its class is a proper
        /// subclass of the left's, then the left's, then the right's, then identity.
        InstanceEq = seam_instance_eq(Ptr, Ptr, I64) -> I8, raises;
        /// `a < b` (`op` 2), `<=` (3), `>` (4), `>=` (5) of two instances, by the dunder
        /// methods and their reflections; TypeError "'<' not supported between instances of 'A' and 'B'".
        InstanceCmp = seam_instance_cmp(Ptr, Ptr, I64) -> I8, raises;
        /// The truth of an instance: `__len__() != 0` when its class has `__len__`, else true.
        InstanceBool = seam_instance_bool(Ptr) -> I8, raises;
        /// `len(x)` of an instance by its `__len__`; ValueError "__len__() should return >= 0".
        InstanceLen = seam_instance_len(Ptr) -> I64, raises;
        /// `hash(v)` of a value of type code `tc` (int, bool, float, str, None, tuples, instances);
        /// TypeError "unhashable type: 'C'".
        Hash = seam_hash(Word, Addr) -> I64, raises;
        /// An empty dict whose keys are neither `int` nor `str` (tuples, `bool`s, instances),
        /// hashed and compared by their type code `tc` (keys' `__hash__` and `__eq__` may raise,
        /// so every dict function that hashes or compares keys is marked `raises`).
        DictNewKeyed = seam_dict_new_keyed(Addr, I8) -> Ptr, raises;

        // ---- string formatting and the later str, list and dict methods ----
        /// `format(v, spec)` for a value of type code `tc` and a `str` spec, as CPython
        /// (ValueError/TypeError/OverflowError with its messages).
        Format = seam_format(Word, Addr, Ptr) -> Ptr, raises;
        /// `ascii(v)`: the repr of a value of type code `tc` with non-ASCII characters escaped.
        AsciiOf = seam_ascii_of(Word, Addr) -> Ptr, raises;
        /// `fmt % args` for `args` of type code `tc` (a tuple's elements are the arguments).
        StrPercent = seam_str_percent(Ptr, Word, Addr) -> Ptr, raises;
        /// `s.count(sub, start, end)`, bounds [`MISSING`] when absent.
        StrCount = seam_str_count(Ptr, Ptr, I64, I64) -> I64;
        /// `s.find/rfind/index/rindex(sub, start, end)`: `mode` bit 0 from the right, bit 1
        /// raises ValueError "substring not found" instead of giving -1.
        StrFindIn = seam_str_find_in(Ptr, Ptr, I64, I64, I64) -> I64, raises;
        /// `s.partition(sep)`, or `rpartition` when the flag is 1; ValueError "empty separator".
        StrPartition = seam_str_partition(Ptr, Ptr, I8) -> Ptr, raises;
        /// `s.splitlines(keepends)`.
        StrSplitlines = seam_str_splitlines(Ptr, I8) -> Ptr, raises;
        StrZfill = seam_str_zfill(Ptr, I64) -> Ptr, raises;
        /// `s.ljust/rjust/center(width, fill)`: align 0, 1, 2; `fill` null for a space;
        /// TypeError "The fill character must be exactly one character long".
        StrPad = seam_str_pad(Ptr, I64, Ptr, I64) -> Ptr, raises;
        StrTitle = seam_str_title(Ptr) -> Ptr, raises;
        StrCapitalize = seam_str_capitalize(Ptr) -> Ptr, raises;
        StrCasefold = seam_str_casefold(Ptr) -> Ptr, raises;
        StrIsalnum = seam_str_isalnum(Ptr) -> I8;
        /// `l.count(v)` comparing with element type code `tc`.
        ListCount = seam_list_count(Ptr, Word, Addr) -> I64, raises;
        /// `l.remove(v)`; ValueError "list.remove(x): x not in list".
        ListRemove = seam_list_remove(Ptr, Word, Addr), raises;
        ListClear = seam_list_clear(Ptr);
        /// `d.update(other)` (same key and value types).
        DictUpdate = seam_dict_update(Ptr, Ptr), raises;
        DictClear = seam_dict_clear(Ptr);
        /// `d.popitem()` as a tuple with reference bitmask `ref_mask`;
        /// KeyError 'popitem(): dictionary is empty'.
        DictPopitem = seam_dict_popitem(Ptr, I64) -> Ptr, raises;

        // ---- exceptions and classes ----
        /// A new instance of the class whose descriptor is at `desc` (a static address, not a
        /// GC reference), `size` bytes: the descriptor word set, every other word zero. May collect.
        Alloc = seam_alloc(Ptr, I64) -> Ptr, raises;
        /// The write barrier's slow path: records `obj`, an old object about to hold a
        /// reference, for the next minor collection (see `gc`). Never collects.
        GcRemember = seam_gc_remember(Ptr);
        /// Set the exception state to an exception instance.
        Raise = seam_raise(Ptr), raises;
        /// Called first by the program entry: the builtin exception classes' descriptors,
        /// a table of `n` pointers indexed by [`ExcKind`].
        RegisterBuiltinClasses = seam_register_builtin_classes(AddrTable, I64);

        // ---- extensions ----
        /// `load_extension(path, space)`: load (or find linked in) the extension, check its
        /// fingerprint, register its classes and roots, run its initialisers and `init_module(space)`.
        /// ImportError on any failure; a no-op for a path already loaded.
        LoadExtension = seam_load_extension(Ptr, Ptr), raises;
        /// Called by the core's entry before anything else when extensions are linked in:
        /// `n` pairs of (name C string, extension descriptor) for `load_extension` to find by stem.
        RegisterStaticExtensions = seam_register_static_extensions(AddrTable, I64);

        // ---- function values (Callable) ----
        /// A new function value `{desc, code, receiver}`: `code` a function address (not a GC
        /// reference), `receiver` a reference or null. May collect.
        CallableNew = seam_callable_new(Addr, Ptr) -> Ptr, raises;
        // ---- input and output (files are opaque objects; see runtime/src/file.rs) ----
        /// `open(path, mode)`: `mode` 0 "r", 1 "w", 2 "a"; `encoding` the name given (shown by
        /// the repr) or null. FileNotFoundError, PermissionError, IsADirectoryError... as CPython.
        FileOpen = seam_file_open(Ptr, I64, Ptr) -> Ptr, raises;
        /// `sys.stdin` (0), `sys.stdout` (1), `sys.stderr` (2).
        FileStd = seam_file_std(I64) -> Ptr;
        /// `f.read(n)`, `n` negative for all; UnicodeDecodeError, ValueError on a closed file,
        /// io.UnsupportedOperation "not readable".
        FileRead = seam_file_read(Ptr, I64) -> Ptr, raises;
        /// `f.readline()` ("" at end of file); also drives `for line in f`.
        FileReadline = seam_file_readline(Ptr) -> Ptr, raises;
        /// `f.readlines()`: a `list[str]`.
        FileReadlines = seam_file_readlines(Ptr) -> Ptr, raises;
        /// `f.write(s)`: the number of characters; io.UnsupportedOperation "not writable".
        FileWrite = seam_file_write(Ptr, Ptr) -> I64, raises;
        FileFlush = seam_file_flush(Ptr), raises;
        /// `f.close()` (flushes; a no-op on a closed file).
        FileClose = seam_file_close(Ptr), raises;
        /// Entering `with f`: ValueError "I/O operation on closed file." when closed.
        FileEnter = seam_file_enter(Ptr), raises;
        /// `f.closed`.
        FileClosed = seam_file_closed(Ptr) -> I8;
        /// `input(prompt)` (`prompt` null for none); EOFError "EOF when reading a line".
        Input = seam_input(Ptr) -> Ptr, raises;
        /// The `SystemExit` instance `sys.exit(code)` raises ([`MISSING`] for no code).
        SystemExitNew = seam_system_exit_new(I64) -> Ptr;

        // ---- CPython fidelity: ordering as CPython's rich comparison ----
        /// `a < b` (`op` 0), `a <= b` (1), `a > b` (2) or `a >= b` (3) for type code `tc`
        /// (int, float, str, bool, lists and tuples of them), as CPython decides it: floats by
        /// IEEE (false with a NaN), sequences at their first unequal elements, else by length.
        Order = seam_order(Word, Word, Addr, I64) -> I8, raises;

        // ---- memory ----
        /// Register the address of a global slot holding a GC reference as a static root.
        GcAddRoot = seam_gc_add_root(Ptr);
        /// Called by a function prologue when the shadow stack cannot fit its frame; never returns.
        ShadowStackOverflow = seam_shadow_stack_overflow(), noreturn;
        }
    };
}
