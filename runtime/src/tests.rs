//! Unit tests of the runtime: printing, parsing, arithmetic, raising, and the
//! containers under forced collections. (The definitions' agreement with the ABI
//! table is checked by the compiler: see `abi_check.rs`.)

use crate::MISSING;
use crate::arith::*;
use crate::class::{class_name, class_of, exc_message_text, new_instance};
use crate::dict::*;
use crate::error::{
    ExcKind, current, seam_raise, seam_raise_builtin, seam_register_builtin_classes, set_current,
    take_uncaught, traceback_text,
};
use crate::fault::{Fault, NULL_REFERENCE_TEXT, RECURSION_TEXT, StackBounds, classify};
use crate::float_repr::float_repr;
use crate::format::{repr_word, write_str_repr};
use crate::gcglue::{Roots, set_word, word};
use crate::generic::*;
use crate::layout;
use crate::list::*;
use crate::parse::{parse_float, parse_int};
use crate::strobj::*;
use crate::tuple::seam_tuple_new;
use seam_gc::GcTypeInfo;
use std::sync::Mutex;

mod loader;

/// The collector's state is process-wide; GC tests run one at a time.
static LOCK: Mutex<()> = Mutex::new(());

/// Runs `f` with the runtime initialised, collecting at every allocation
/// when `stress`; whatever `f` pushed on the shadow stack is popped after.
fn with_gc<R>(stress: bool, f: impl FnOnce(&Roots) -> R) -> R {
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: the lock keeps the other tests out of the runtime.
    unsafe {
        crate::init();
        seam_gc::set_stress(stress);
    }
    let roots = Roots::new();
    let r = f(&roots);
    // SAFETY: as above.
    unsafe { seam_gc::set_stress(false) };
    r
}

fn text<'a>(s: *mut u8) -> &'a str {
    // SAFETY: tests only pass live strs.
    unsafe { str_as_str(s) }
}

fn repr(w: u64, tc: &str) -> String {
    // SAFETY: tests pass values of the stated type.
    unsafe { repr_word(w, tc.as_bytes()) }
}

fn words(list: *mut u8) -> Vec<u64> {
    // SAFETY: tests only pass live lists.
    unsafe { list_words(list).to_vec() }
}

fn int_list(roots: &Roots, xs: &[i64]) -> *mut u8 {
    let l = roots.push(seam_list_new(0, 0));
    for &x in xs {
        // SAFETY: `l` is a live list of ints.
        unsafe { seam_list_append(l, x as u64) };
    }
    l
}

fn str_list(roots: &Roots, xs: &[&str]) -> *mut u8 {
    let l = roots.push(seam_list_new(1, 0));
    for x in xs {
        // SAFETY: `l` is a live list of strs; the new str is appended at once.
        unsafe { seam_list_append(l, new_str(x) as u64) };
    }
    l
}

// ---- printing ----

#[test]
fn float_repr_matches_cpython() {
    let cases: &[(f64, &str)] = &[
        (1.0, "1.0"),
        (0.1, "0.1"),
        (1e20, "1e+20"),
        (1e-5, "1e-05"),
        (0.0001, "0.0001"),
        (123456789012345.0, "123456789012345.0"),
        (12345678901234566.0, "1.2345678901234566e+16"),
        (12345678901234567.0, "1.2345678901234568e+16"),
        (1e16, "1e+16"),
        (9999999999999998.0, "9999999999999998.0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (-0.0, "-0.0"),
        (0.0, "0.0"),
        (-2.5, "-2.5"),
        (1.0 / 3.0, "0.3333333333333333"),
        (2.0f64.powi(70), "1.1805916207174113e+21"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (100.0, "100.0"),
        (0.001234, "0.001234"),
        (1.5e-7, "1.5e-07"),
    ];
    for &(f, want) in cases {
        assert_eq!(float_repr(f), want, "{f:e}");
    }
}

fn str_repr(s: &str) -> String {
    let mut out = String::new();
    write_str_repr(&mut out, s);
    out
}

#[test]
fn str_repr_quotes_and_escapes_as_cpython() {
    assert_eq!(str_repr("abc"), "'abc'");
    assert_eq!(str_repr("it's"), "\"it's\"");
    assert_eq!(str_repr("say \"hi\""), "'say \"hi\"'");
    assert_eq!(str_repr("both ' and \""), "'both \\' and \"'");
    assert_eq!(str_repr("a\\b\n\r\t"), "'a\\\\b\\n\\r\\t'");
    assert_eq!(str_repr("\x00\x1b\x7f"), "'\\x00\\x1b\\x7f'");
    assert_eq!(str_repr("héllo ☃ 😀"), "'héllo ☃ 😀'");
    assert_eq!(
        str_repr("\u{a0}\u{ad}\u{200b}\u{2028}"),
        "'\\xa0\\xad\\u200b\\u2028'"
    );
    assert_eq!(str_repr("\u{f0000}"), "'\\U000f0000'");
    assert_eq!(str_repr(""), "''");
}

#[test]
fn containers_print_as_cpython() {
    with_gc(true, |roots| {
        let ints = int_list(roots, &[1, -2, 3]);
        assert_eq!(repr(ints as u64, "li"), "[1, -2, 3]");
        let strs = str_list(roots, &["a", "it's"]);
        assert_eq!(repr(strs as u64, "ls"), "['a', \"it's\"]");
        let empty = roots.push(seam_list_new(0, 4));
        assert_eq!(repr(empty as u64, "lf"), "[]");

        let t1 = roots.push(seam_tuple_new(1, 0));
        // SAFETY: `t1` is a live tuple of one int.
        unsafe { crate::gcglue::set_word(t1, layout::TUPLE_ITEMS, 7) };
        assert_eq!(repr(t1 as u64, "t1;i"), "(7,)");
        let t0 = roots.push(seam_tuple_new(0, 0));
        assert_eq!(repr(t0 as u64, "t0;"), "()");
        let t2 = roots.push(seam_tuple_new(2, 0b10));
        // SAFETY: `t2` is a live (float, str) tuple.
        unsafe {
            crate::gcglue::set_word(t2, layout::TUPLE_ITEMS, 2.5f64.to_bits());
            crate::gcglue::set_word(t2, layout::TUPLE_ITEMS + 8, new_str("x") as u64);
        }
        assert_eq!(repr(t2 as u64, "t2;fs"), "(2.5, 'x')");

        let d = roots.push(seam_dict_new(1, 0));
        // SAFETY: `d` is a live dict[str, float]; keys are rooted while inserted.
        unsafe {
            seam_dict_setitem(d, roots.push(new_str("k")) as u64, 2.5f64.to_bits());
            seam_dict_setitem(d, roots.push(new_str("j")) as u64, 1.0f64.to_bits());
        }
        assert_eq!(repr(d as u64, "dsf"), "{'k': 2.5, 'j': 1.0}");
        // SAFETY: `d` is a live dict.
        let (keys, values, items) = unsafe {
            (
                roots.push(seam_dict_keys(d)),
                roots.push(seam_dict_values(d)),
                roots.push(seam_dict_items(d, 0b01)),
            )
        };
        assert_eq!(repr(keys as u64, "Ks"), "dict_keys(['k', 'j'])");
        assert_eq!(repr(values as u64, "Vf"), "dict_values([2.5, 1.0])");
        assert_eq!(
            repr(items as u64, "Isf"),
            "dict_items([('k', 2.5), ('j', 1.0)])"
        );
        assert_eq!(repr(0, "os"), "None");
        assert_eq!(repr(strs as u64, "ols"), "['a', \"it's\"]");
        assert_eq!(repr(1, "b"), "True");
        assert_eq!(repr(0, "n"), "None");

        let nested = roots.push(seam_list_new(1, 0));
        // SAFETY: `nested` is a live list of lists.
        unsafe {
            seam_list_append(nested, ints as u64);
            seam_list_append(nested, empty as u64);
        }
        assert_eq!(repr(nested as u64, "lli"), "[[1, -2, 3], []]");

        // str() of a top-level str is the str itself; of anything else its repr.
        let s = roots.push(new_str("hi"));
        // SAFETY: values of the stated types.
        unsafe {
            assert_eq!(seam_str_of_test(s as u64, "s\0"), s);
            assert_eq!(text(seam_str_of_test(s as u64, "os\0")), "hi");
            assert_eq!(text(seam_str_of_test(0, "os\0")), "None");
            assert_eq!(
                text(seam_str_of_test(strs as u64, "ls\0")),
                "['a', \"it's\"]"
            );
            assert_eq!(
                text(crate::format::seam_repr_of(s as u64, c"s".as_ptr().cast())),
                "'hi'"
            );
        }
    });
}

/// # Safety
/// `v` must be a live value of type `tc` (NUL-terminated).
unsafe fn seam_str_of_test(v: u64, tc: &str) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe { crate::format::seam_str_of(v, tc.as_ptr()) }
}

#[test]
fn scalars_convert_to_str() {
    with_gc(false, |_| {
        assert_eq!(
            text(crate::format::seam_str_from_int(i64::MIN)),
            "-9223372036854775808"
        );
        assert_eq!(text(crate::format::seam_str_from_float(1e22)), "1e+22");
        assert_eq!(text(crate::format::seam_str_from_bool(0)), "False");
    });
}

#[test]
fn uncaught_exceptions_print_as_cpython() {
    assert_eq!(
        traceback_text("KeyError", "'k'"),
        "Traceback (most recent call last):\nKeyError: 'k'\n"
    );
    assert_eq!(
        traceback_text("AssertionError", ""),
        "Traceback (most recent call last):\nAssertionError\n"
    );
    assert_eq!(ExcKind::ZeroDivisionError.name(), "ZeroDivisionError");
    assert_eq!(ExcKind::NotImplementedError as i64, 10);
}

// ---- exceptions ----

/// A class descriptor laid out as `seam_abi::layout` says (no dunder methods, no vtable).
/// The loader's tests (see [`loader`]) make these too.
#[repr(C)]
struct TestClass {
    gc: GcTypeInfo,
    id: i64,
    max: i64,
    size: i64,
    name: *const u8,
    parent: *const TestClass,
    flags: i64,
    vtable_len: i64,
    slack_start: i64,
    dunders: [usize; layout::DUNDER_COUNT],
}

/// Exceptions trace their message; the test classes have no other references.
static EXC_REFS: [u32; 1] = [layout::EXC_MESSAGE as u32];

/// A leaked descriptor (tests' classes live for the whole process).
fn test_class(name: &str, parent: *const TestClass, size: i64, exception: bool) -> *const u8 {
    let name = std::ffi::CString::new(name).expect("class name without NUL");
    let desc = Box::new(TestClass {
        gc: if exception {
            GcTypeInfo::fixed_refs(&EXC_REFS)
        } else {
            GcTypeInfo::no_refs()
        },
        id: 0,
        max: 0,
        size,
        name: name.into_raw().cast_const().cast(),
        parent,
        flags: if exception {
            layout::CLASS_FLAG_EXCEPTION as i64
        } else {
            0
        },
        vtable_len: 0,
        slack_start: 0,
        dunders: [0; layout::DUNDER_COUNT],
    });
    Box::into_raw(desc).cast_const().cast()
}

/// The test classes, made once: the builtin exceptions (indexed by
/// [`ExcKind`]), `test.MyError(ValueError)` with an int field,
/// `test.MyKeyError(KeyError)` and the plain class `test.Point`.
struct TestClasses {
    builtin: Vec<usize>,
    my_error: usize,
    my_key_error: usize,
    point: usize,
}

fn test_classes() -> &'static TestClasses {
    static CLASSES: std::sync::OnceLock<TestClasses> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut builtin: Vec<usize> = Vec::new();
        for kind in ExcKind::ALL {
            let parent = match kind {
                ExcKind::Exception => 0,
                ExcKind::NotImplementedError | ExcKind::RecursionError => {
                    builtin[ExcKind::RuntimeError as usize]
                }
                _ => builtin[0],
            };
            builtin.push(
                test_class(kind.qualified_name(), parent as *const TestClass, 16, true) as usize,
            );
        }
        let value_error = builtin[ExcKind::ValueError as usize] as *const TestClass;
        let key_error = builtin[ExcKind::KeyError as usize] as *const TestClass;
        TestClasses {
            my_error: test_class("test.MyError", value_error, 24, true) as usize,
            my_key_error: test_class("test.MyKeyError", key_error, 16, true) as usize,
            point: test_class("test.Point", std::ptr::null(), 24, false) as usize,
            builtin,
        }
    })
}

/// Registers the builtin test classes, as a program's entry does first.
fn register_classes() {
    let table: Vec<*const u8> = test_classes()
        .builtin
        .iter()
        .map(|&d| d as *const u8)
        .collect();
    // SAFETY: the table holds 11 leaked descriptors.
    unsafe { seam_register_builtin_classes(table.as_ptr(), table.len() as i64) };
}

/// Takes the pending exception: its class name and message, clearing the state.
fn take_exc() -> Option<(String, String)> {
    let exc = current();
    if exc.is_null() {
        return None;
    }
    set_current(std::ptr::null_mut());
    // SAFETY: the state held a live exception instance, not yet collected.
    unsafe {
        Some((
            class_name(class_of(exc)).into_owned(),
            exc_message_text(exc).to_string(),
        ))
    }
}

fn exc(class: &str, msg: &str) -> Option<(String, String)> {
    Some((class.to_string(), msg.to_string()))
}

#[test]
fn raising_runtime_calls_return_with_the_state_set() {
    with_gc(true, |roots| {
        register_classes();
        assert_eq!(take_exc(), None);
        let l = int_list(roots, &[1, 2]);
        let empty = int_list(roots, &[]);
        let d = roots.push(seam_dict_new(1, 0));
        let k = roots.push(new_str("k"));
        let s = roots.push(new_str("héllo"));
        // SAFETY: every argument is live and of the stated kind.
        unsafe {
            assert_eq!(seam_list_getitem(l, 5), 0);
            assert_eq!(take_exc(), exc("IndexError", "list index out of range"));
            assert_eq!(seam_list_getitem(l, -1), 2);
            assert_eq!(take_exc(), None);
            seam_list_setitem(l, 2, 7);
            assert_eq!(
                take_exc(),
                exc("IndexError", "list assignment index out of range")
            );
            assert_eq!(seam_list_pop(empty, -1), 0);
            assert_eq!(take_exc(), exc("IndexError", "pop from empty list"));
            assert_eq!(seam_list_max(empty, c"i".as_ptr().cast()), 0);
            assert_eq!(
                take_exc(),
                exc("ValueError", "max() arg is an empty sequence")
            );
            assert_eq!(seam_list_index(l, 9, c"i".as_ptr().cast()), 0);
            assert_eq!(take_exc(), exc("ValueError", "9 is not in list"));
            assert!(seam_list_slice(l, MISSING, MISSING, 0).is_null());
            assert_eq!(take_exc(), exc("ValueError", "slice step cannot be zero"));
            assert_eq!(words(l), [1, 2], "a failed call leaves the list alone");

            assert!(seam_str_getitem(s, 5).is_null());
            assert_eq!(take_exc(), exc("IndexError", "string index out of range"));
            assert!(seam_str_split(s, roots.push(new_str("")), -1).is_null());
            assert_eq!(take_exc(), exc("ValueError", "empty separator"));
            assert_eq!(seam_ord(s), 0);
            assert_eq!(
                take_exc(),
                exc(
                    "TypeError",
                    "ord() expected a character, but string of length 5 found"
                )
            );
            assert!(seam_chr(-1).is_null());
            assert_eq!(
                take_exc(),
                exc("ValueError", "chr() arg not in range(0x110000)")
            );

            assert_eq!(seam_dict_getitem(d, k as u64), 0);
            assert_eq!(take_exc(), exc("KeyError", "'k'"));
            seam_dict_delitem(d, k as u64);
            assert_eq!(take_exc(), exc("KeyError", "'k'"));
            assert_eq!(seam_dict_pop(d, k as u64), 0);
            assert_eq!(take_exc(), exc("KeyError", "'k'"));
            assert_eq!(seam_dict_iter_next(d, 0, 3, 0), -1);
            assert_eq!(
                take_exc(),
                exc("RuntimeError", "dictionary changed size during iteration")
            );

            assert_eq!(seam_int_floordiv(1, 0), 0);
            assert_eq!(
                take_exc(),
                exc("ZeroDivisionError", "integer division or modulo by zero")
            );
            assert_eq!(seam_float_div(1.0, 0.0), 0.0);
            assert_eq!(
                take_exc(),
                exc("ZeroDivisionError", "float division by zero")
            );
            assert_eq!(
                crate::parse::seam_int_from_str(roots.push(new_str("12x"))),
                0
            );
            assert_eq!(
                take_exc(),
                exc(
                    "ValueError",
                    "invalid literal for int() with base 10: '12x'"
                )
            );
            assert_eq!(seam_int_from_float(f64::INFINITY), 0);
            assert_eq!(
                take_exc(),
                exc("OverflowError", "cannot convert float infinity to integer")
            );

            seam_raise_builtin(ExcKind::AssertionError as i64, std::ptr::null_mut());
            assert_eq!(take_exc(), exc("AssertionError", ""));
            seam_raise_builtin(99, roots.push(new_str("odd kind")));
            assert_eq!(take_exc(), exc("Exception", "odd kind"));
            seam_raise_builtin(ExcKind::NotImplementedError as i64, k);
            assert_eq!(take_exc(), exc("NotImplementedError", "k"));
        }
    });
}

#[test]
fn the_exception_state_is_a_root() {
    with_gc(true, |roots| {
        register_classes();
        // SAFETY: the message is rooted until the raise roots it itself.
        unsafe { seam_raise_builtin(ExcKind::ValueError as i64, seam_str_of_int(123456)) };
        let raised = current();
        // Every allocation collects: the exception and its message must survive.
        for i in 0..50 {
            roots.push(seam_str_of_int(i));
        }
        assert_eq!(current(), raised);
        assert_eq!(take_exc(), exc("ValueError", "123456"));

        // `seam_raise` installs a user's instance as it is.
        // SAFETY: `my_error` is an exception class of 24 bytes.
        unsafe {
            let e = roots.push(new_instance(test_classes().my_error as *const u8));
            set_word(e, layout::EXC_MESSAGE, new_str("custom") as u64);
            seam_raise(e);
            assert_eq!(current(), e);
        }
        assert_eq!(take_exc(), exc("test.MyError", "custom"));
    });
}

/// A new instance of test class `desc` with message `msg` (exceptions only).
fn instance(roots: &Roots, desc: usize, msg: Option<&str>) -> *mut u8 {
    // SAFETY: the test descriptors are well formed; the instance is rooted
    // before the message is allocated.
    unsafe {
        let obj = roots.push(new_instance(desc as *const u8));
        if let Some(m) = msg {
            set_word(obj, layout::EXC_MESSAGE, new_str(m) as u64);
        }
        obj
    }
}

#[test]
fn uncaught_exceptions_print_a_traceback() {
    with_gc(false, |roots| {
        register_classes();
        let c = test_classes();
        let cases = [
            (
                c.builtin[ExcKind::ValueError as usize],
                Some("bad"),
                "ValueError: bad",
            ),
            (
                c.builtin[ExcKind::AssertionError as usize],
                None,
                "AssertionError",
            ),
            (
                c.builtin[ExcKind::KeyError as usize],
                Some("'k'"),
                "KeyError: 'k'",
            ),
            (c.my_error, Some(""), "test.MyError"),
            (c.my_error, Some("fatal"), "test.MyError: fatal"),
        ];
        for (desc, msg, last) in cases {
            set_current(instance(roots, desc, msg));
            assert_eq!(
                take_uncaught(),
                Some(format!("Traceback (most recent call last):\n{last}\n"))
            );
            assert_eq!(take_uncaught(), None, "reporting clears the state");
        }
    });
}

#[test]
fn instances_print_as_cpython() {
    with_gc(true, |roots| {
        register_classes();
        let c = test_classes();
        let value_error = c.builtin[ExcKind::ValueError as usize];
        let bad = instance(roots, value_error, Some("bad")) as u64;
        assert_eq!(repr(bad, "c"), "ValueError('bad')");
        let quote = instance(roots, value_error, Some("it's")) as u64;
        assert_eq!(repr(quote, "c"), "ValueError(\"it's\")");
        let empty = instance(roots, c.builtin[ExcKind::Exception as usize], None) as u64;
        assert_eq!(repr(empty, "c"), "Exception()");
        let key = instance(roots, c.builtin[ExcKind::KeyError as usize], Some("'k'")) as u64;
        assert_eq!(repr(key, "c"), "KeyError('k')");
        let my_key = instance(roots, c.my_key_error, Some("3")) as u64;
        assert_eq!(repr(my_key, "c"), "MyKeyError(3)");
        let mine = instance(roots, c.my_error, Some("x")) as u64;
        assert_eq!(repr(mine, "c"), "MyError('x')");

        let point = instance(roots, c.point, None);
        assert_eq!(
            repr(point as u64, "c"),
            format!("<test.Point object at 0x{:x}>", point as usize)
        );

        let l = roots.push(seam_list_new(1, 0));
        // SAFETY: `l` is a live list of instances; the values are live.
        unsafe {
            seam_list_append(l, bad);
            seam_list_append(l, empty);
            assert_eq!(repr(l as u64, "lc"), "[ValueError('bad'), Exception()]");
            assert_eq!(repr(0, "oc"), "None");

            // str() of an exception is its message (the message object itself).
            let msg = word(bad as *mut u8, layout::EXC_MESSAGE);
            assert_eq!(seam_str_of_test(bad, "c\0") as u64, msg);
            assert_eq!(text(seam_str_of_test(bad, "oc\0")), "bad");
            assert_eq!(text(seam_str_of_test(empty, "c\0")), "");
            assert_eq!(text(seam_str_of_test(key, "c\0")), "'k'");
            assert_eq!(
                text(seam_str_of_test(point as u64, "c\0")),
                format!("<test.Point object at 0x{:x}>", point as usize)
            );

            // Instances compare by identity.
            let twin = instance(roots, value_error, Some("bad")) as u64;
            assert_eq!(seam_eq(bad, bad, c"c".as_ptr().cast()), 1);
            assert_eq!(seam_eq(bad, twin, c"c".as_ptr().cast()), 0);
        }
    });
}

// ---- parsing ----

#[test]
fn int_parsing_follows_cpython() {
    assert_eq!(parse_int("42"), Ok(42));
    assert_eq!(parse_int("  -17\n"), Ok(-17));
    assert_eq!(parse_int("+0007"), Ok(7));
    assert_eq!(parse_int("1_000_000"), Ok(1_000_000));
    assert_eq!(parse_int("-9223372036854775808"), Ok(i64::MIN));
    assert_eq!(parse_int("٣"), Ok(3));
    for bad in [
        "", " ", "12x", "1__0", "_1", "1_", "- 1", "1.5", "0x10", "--1",
    ] {
        let e = parse_int(bad).unwrap_err();
        assert_eq!(e.kind, ExcKind::ValueError, "{bad:?}");
    }
    assert_eq!(
        parse_int("12x").unwrap_err().msg,
        "invalid literal for int() with base 10: '12x'"
    );
    assert_eq!(
        parse_int(" 1 2 ").unwrap_err().msg,
        "invalid literal for int() with base 10: ' 1 2 '"
    );
    assert_eq!(
        parse_int("9223372036854775808").unwrap_err().kind,
        ExcKind::OverflowError
    );
}

#[test]
fn float_parsing_follows_cpython() {
    assert_eq!(parse_float("1.5"), Ok(1.5));
    assert_eq!(parse_float("  -2e3 "), Ok(-2000.0));
    assert_eq!(parse_float(".5"), Ok(0.5));
    assert_eq!(parse_float("5."), Ok(5.0));
    assert_eq!(parse_float("1_000.000_1"), Ok(1000.0001));
    assert_eq!(parse_float("1E-2"), Ok(0.01));
    assert_eq!(parse_float("inf"), Ok(f64::INFINITY));
    assert_eq!(parse_float("-Infinity"), Ok(f64::NEG_INFINITY));
    assert_eq!(parse_float("+iNF"), Ok(f64::INFINITY));
    assert!(parse_float("nan").unwrap().is_nan());
    assert!(parse_float("-NaN").unwrap().is_nan());
    assert_eq!(parse_float("0.1"), Ok(0.1));
    assert_eq!(parse_float("1e400"), Ok(f64::INFINITY));
    for bad in [
        "", ".", "e5", "1e", "1.5.2", "abc", "1_.5", "infinit", "1e5_", "0x1p3",
    ] {
        assert_eq!(
            parse_float(bad).unwrap_err().kind,
            ExcKind::ValueError,
            "{bad:?}"
        );
    }
    assert_eq!(
        parse_float("abc").unwrap_err().msg,
        "could not convert string to float: 'abc'"
    );
}

// ---- arithmetic ----

#[test]
fn integer_floor_division_and_modulo_follow_the_divisor() {
    let cases = [
        (7, 2, 3, 1),
        (-7, 2, -4, 1),
        (7, -2, -4, -1),
        (-7, -2, 3, -1),
        (6, 3, 2, 0),
        (-6, 3, -2, 0),
        (i64::MIN, 1, i64::MIN, 0),
    ];
    for (a, b, q, r) in cases {
        assert_eq!(int_floordiv(a, b), Ok(q), "{a} // {b}");
        assert_eq!(int_mod(a, b), Ok(r), "{a} % {b}");
    }
    let e = int_floordiv(1, 0).unwrap_err();
    assert_eq!(
        (e.kind, e.msg.as_str()),
        (
            ExcKind::ZeroDivisionError,
            "integer division or modulo by zero"
        )
    );
    assert_eq!(int_mod(1, 0).unwrap_err().msg, "integer modulo by zero");
    assert_eq!(int_truediv(1, 0).unwrap_err().msg, "division by zero");
}

#[test]
fn float_floor_division_and_modulo_follow_cpython() {
    let cases: &[(f64, f64, f64, f64)] = &[
        (7.5, 2.0, 3.0, 1.5),
        (-7.5, 2.0, -4.0, 0.5),
        (7.5, -2.0, -4.0, -0.5),
        (-7.5, -2.0, 3.0, -1.5),
        (0.0, 3.0, 0.0, 0.0),
        (-0.0, 3.0, -0.0, 0.0),
        (6.0, -3.0, -2.0, -0.0),
        (1.0, f64::INFINITY, 0.0, 1.0),
    ];
    for &(a, b, q, r) in cases {
        let (gq, gr) = (float_floordiv(a, b).unwrap(), float_mod(a, b).unwrap());
        assert_eq!(float_repr(gq), float_repr(q), "{a} // {b}");
        assert_eq!(float_repr(gr), float_repr(r), "{a} % {b}");
    }
    assert_eq!(
        float_div(1.0, 0.0).unwrap_err().msg,
        "float division by zero"
    );
    assert_eq!(
        float_floordiv(1.0, 0.0).unwrap_err().msg,
        "float floor division by zero"
    );
    assert_eq!(float_mod(1.0, -0.0).unwrap_err().msg, "float modulo");
    assert_eq!(
        float_pow(0.0, -1.0).unwrap_err().msg,
        "0.0 cannot be raised to a negative power"
    );
    assert_eq!(float_pow(2.0, 10.0), Ok(1024.0));
    assert_eq!(
        float_pow(10.0, 400.0).unwrap_err().kind,
        ExcKind::OverflowError
    );
}

#[test]
fn other_integer_operations() {
    assert_eq!(int_pow(3, 4), Ok(81));
    assert_eq!(int_pow(2, 62), Ok(1 << 62));
    assert_eq!(int_pow(-2, 63), Ok(i64::MIN));
    assert_eq!(int_pow(2, 63).unwrap_err().kind, ExcKind::OverflowError);
    assert_eq!(int_pow(2, 64).unwrap_err().kind, ExcKind::OverflowError);
    assert_eq!(int_pow(-1, i64::MAX), Ok(-1));
    assert_eq!(int_pow(1, i64::MAX), Ok(1));
    assert_eq!(int_pow(0, i64::MAX), Ok(0));
    assert_eq!(
        int_pow(3, i64::MAX).unwrap_err().kind,
        ExcKind::OverflowError
    );
    assert_eq!(int_pow(-2, 3), Ok(-8));
    assert_eq!(int_pow(0, 0), Ok(1));
    assert_eq!(int_pow(2, -1).unwrap_err().kind, ExcKind::ValueError);
    assert_eq!(int_lshift(1, 3), Ok(8));
    assert_eq!(int_lshift(1, 62), Ok(1 << 62));
    assert_eq!(int_lshift(-1, 63), Ok(i64::MIN));
    assert_eq!(int_lshift(1, 63).unwrap_err().kind, ExcKind::OverflowError);
    assert_eq!(int_lshift(1, 64).unwrap_err().kind, ExcKind::OverflowError);
    assert_eq!(int_lshift(0, 1000), Ok(0));
    assert_eq!(
        int_floordiv(i64::MIN, -1).unwrap_err().kind,
        ExcKind::OverflowError
    );
    assert_eq!(int_mod(i64::MIN, -1), Ok(0));
    assert_eq!(int_rshift(-8, 1), Ok(-4));
    assert_eq!(int_rshift(-8, 100), Ok(-1));
    assert_eq!(int_rshift(1, -1).unwrap_err().msg, "negative shift count");
    assert_eq!(int_truediv(7, 2), Ok(3.5));
    assert_eq!(int_truediv(-1, 3), Ok(-1.0 / 3.0));
    // Correct rounding beyond 2**53, as CPython: (2**53 + 1) / 1 rounds to even.
    assert_eq!(int_truediv((1 << 53) + 1, 1), Ok(9007199254740992.0));
    assert_eq!(int_truediv(i64::MAX, 3), Ok(3074457345618258602.0));
    assert_eq!(int_truediv(i64::MAX, i64::MAX), Ok(1.0));
    assert_eq!(int_from_float(-3.9), Ok(-3));
    assert_eq!(
        int_from_float(f64::NAN).unwrap_err().msg,
        "cannot convert float NaN to integer"
    );
    assert_eq!(
        int_from_float(f64::INFINITY).unwrap_err().msg,
        "cannot convert float infinity to integer"
    );
}

// ---- str ----

#[test]
fn str_operations() {
    with_gc(true, |roots| {
        let s = roots.push(new_str("héllo wörld"));
        // SAFETY: all values are live, rooted strs and lists.
        unsafe {
            assert_eq!(str_char_len(s), 11);
            assert_eq!(text(seam_str_getitem(s, 1)), "é");
            assert_eq!(text(seam_str_getitem(s, -1)), "d");
            assert_eq!(text(seam_str_slice(s, 1, 4, MISSING)), "éll");
            assert_eq!(text(seam_str_slice(s, MISSING, MISSING, -1)), "dlröw olléh");
            assert_eq!(text(seam_str_slice(s, -3, MISSING, MISSING)), "rld");
            assert_eq!(text(seam_str_slice(s, MISSING, MISSING, 2)), "hlowrd");
            assert_eq!(seam_str_find(s, roots.push(new_str("wö"))), 6);
            assert_eq!(seam_str_find(s, roots.push(new_str("xyz"))), -1);
            assert_eq!(text(seam_str_upper(s)), "HÉLLO WÖRLD");
            assert_eq!(
                text(seam_str_upper(roots.push(new_str("straße")))),
                "STRASSE"
            );
            let ascii = roots.push(new_str("abcdef"));
            assert_eq!(text(seam_str_slice(ascii, 5, 0, -2)), "fdb");
            assert_eq!(text(seam_str_slice(ascii, -100, 100, MISSING)), "abcdef");
            assert_eq!(text(seam_str_concat(ascii, s)), "abcdefhéllo wörld");
            assert_eq!(
                text(seam_str_repeat(roots.push(new_str("ab")), 3)),
                "ababab"
            );
            assert_eq!(text(seam_str_repeat(ascii, -1)), "");
            assert_eq!(seam_str_cmp(ascii, s), -1);
            assert_eq!(seam_str_eq(ascii, roots.push(new_str("abcdef"))), 1);
            assert_eq!(seam_str_contains(s, roots.push(new_str("lo w"))), 1);
            let ch = seam_str_char_at(s, 1);
            assert_eq!((text(ch), str_bytes(ch).len()), ("é", 2));
            assert_eq!(seam_ord(ch), 233);
            assert_eq!(text(seam_chr(0x2603)), "☃");
            let chars = seam_list_from_str(s);
            assert_eq!(
                repr(chars as u64, "ls")
                    .chars()
                    .filter(|&c| c == ',')
                    .count(),
                10
            );
        }
    });
}

fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Vec<&'a str> {
    split_ranges(s, sep, maxsplit)
        .unwrap()
        .into_iter()
        .map(|(a, b)| &s[a..b])
        .collect()
}

#[test]
fn split_follows_cpython() {
    assert_eq!(split("  a b  c  ", None, -1), ["a", "b", "c"]);
    assert_eq!(split("  a b  c  ", None, 1), ["a", "b  c  "]);
    assert_eq!(split("", None, -1), Vec::<&str>::new());
    assert_eq!(split("   ", None, -1), Vec::<&str>::new());
    assert_eq!(split("a,b,,c,", Some(","), -1), ["a", "b", "", "c", ""]);
    assert_eq!(split("a,b,c", Some(","), 1), ["a", "b,c"]);
    assert_eq!(split("", Some(","), -1), [""]);
    assert_eq!(split("a::b", Some("::"), -1), ["a", "b"]);
    assert_eq!(split("x\u{3000}y\x1cz", None, -1), ["x", "y", "z"]);
    assert_eq!(
        split_ranges("a", Some(""), -1).unwrap_err().msg,
        "empty separator"
    );
    with_gc(true, |roots| {
        let s = roots.push(new_str(" one two  three "));
        // SAFETY: live, rooted values.
        unsafe {
            let parts = roots.push(seam_str_split(s, std::ptr::null_mut(), -1));
            assert_eq!(repr(parts as u64, "ls"), "['one', 'two', 'three']");
            let joined = seam_str_join(roots.push(new_str("-")), parts);
            assert_eq!(text(joined), "one-two-three");
        }
    });
}

#[test]
fn strip_and_predicates() {
    with_gc(false, |roots| {
        // SAFETY: live, rooted values.
        unsafe {
            let s = roots.push(new_str(" \t xyhix \n"));
            let null = std::ptr::null_mut();
            assert_eq!(text(seam_str_strip(s, null)), "xyhix");
            assert_eq!(text(seam_str_lstrip(s, null)), "xyhix \n");
            assert_eq!(text(seam_str_rstrip(s, null)), " \t xyhix");
            let t = roots.push(new_str("xyhix"));
            assert_eq!(text(seam_str_strip(t, roots.push(new_str("xy")))), "hi");
            assert_eq!(text(seam_str_strip(t, roots.push(new_str("xyhi")))), "");
            let r = seam_str_replace(t, roots.push(new_str("x")), roots.push(new_str("--")));
            assert_eq!(text(r), "--yhi--");
            let r = seam_str_replace(
                roots.push(new_str("ab")),
                roots.push(new_str("")),
                roots.push(new_str("-")),
            );
            assert_eq!(text(r), "-a-b-");
        }
        assert!(
            is_digit_text("0123")
                && is_digit_text("²")
                && !is_digit_text("")
                && !is_digit_text("1a")
        );
        assert!(is_lower_text("abc1") && !is_lower_text("aBc") && !is_lower_text("123"));
        assert!(is_upper_text("ABC1") && !is_upper_text("AbC") && !is_upper_text(""));
        assert!(py_isspace('\u{a0}') && py_isspace('\x1f') && !py_isspace('a'));
    });
}

// ---- list ----

#[test]
fn slice_indices_follow_cpython() {
    let pick = |len: i64, a: i64, b: i64, c: i64| -> Vec<i64> {
        let (start, step, n) = slice_indices(len, a, b, c).unwrap();
        (0..n as i64).map(|k| start + k * step).collect()
    };
    assert_eq!(pick(5, MISSING, MISSING, -1), [4, 3, 2, 1, 0]);
    assert_eq!(pick(5, 3, MISSING, -1), [3, 2, 1, 0]);
    assert_eq!(pick(5, MISSING, 1, -2), [4, 2]);
    assert_eq!(pick(5, -1, -4, -1), [4, 3, 2]);
    assert_eq!(pick(5, 10, -10, -3), [4, 1]);
    assert_eq!(pick(5, 1, 3, -1), Vec::<i64>::new());
    assert_eq!(pick(5, -2, MISSING, MISSING), [3, 4]);
    assert_eq!(pick(0, MISSING, MISSING, -1), Vec::<i64>::new());
    assert_eq!(
        slice_indices(3, 0, 1, 0).unwrap_err().msg,
        "slice step cannot be zero"
    );
}

#[test]
fn list_operations() {
    with_gc(true, |roots| {
        let l = int_list(roots, &[5, 1, 4]);
        // SAFETY: live, rooted lists.
        unsafe {
            seam_list_insert(l, 0, 9);
            seam_list_insert(l, -1, 8);
            seam_list_insert(l, 100, 7);
            assert_eq!(words(l), [9, 5, 1, 8, 4, 7]);
            assert_eq!(seam_list_pop(l, -1), 7);
            assert_eq!(seam_list_pop(l, 0), 9);
            seam_list_delitem(l, 1);
            assert_eq!(words(l), [5, 8, 4]);
            seam_list_extend(l, l);
            assert_eq!(words(l), [5, 8, 4, 5, 8, 4]);
            let rev = seam_list_slice(l, MISSING, MISSING, -2);
            assert_eq!(words(rev), [4, 5, 8]);
            assert_eq!(seam_list_index(l, 4, c"i".as_ptr().cast()), 2);
            assert_eq!(seam_list_contains(l, 3, c"i".as_ptr().cast()), 0);
            assert_eq!(seam_list_min(l, c"i".as_ptr().cast()), 4);
            assert_eq!(seam_list_max(l, c"i".as_ptr().cast()), 8);
            seam_list_sort(l, c"i".as_ptr().cast(), 1);
            assert_eq!(words(l), [8, 8, 5, 5, 4, 4]);
            seam_list_reverse(l);
            assert_eq!(words(l), [4, 4, 5, 5, 8, 8]);
            let c = roots.push(seam_list_concat(l, roots.push(seam_list_repeat(l, 2))));
            assert_eq!(words(c).len(), 18);
            assert_eq!(words(seam_list_copy(c)), words(c));
            assert_eq!(seam_list_getitem(c, -1), 8);
            seam_list_setitem(c, -1, 1);
            assert_eq!(seam_list_getitem(c, 17), 1);
        }
    });
}

#[test]
fn sort_is_stable_in_both_directions() {
    with_gc(true, |roots| {
        // Sort (int, str) tuples by a tuple type code whose str part makes
        // equal ints distinguishable; stability shows in the str order.
        let l = roots.push(seam_list_new(1, 0));
        for (k, name) in [(2, "a"), (1, "b"), (2, "c"), (1, "d")] {
            let t = roots.push(seam_tuple_new(1, 0));
            // SAFETY: `t` is a live one-int tuple; `l` a live list.
            unsafe {
                crate::gcglue::set_word(t, layout::TUPLE_ITEMS, k);
                seam_list_append(l, t as u64);
            }
            let _ = name;
        }
        let before = words(l);
        // SAFETY: `l` holds one-int tuples.
        unsafe { seam_list_sort(l, c"t1;i".as_ptr().cast(), 0) };
        assert_eq!(words(l), [before[1], before[3], before[0], before[2]]);
        // SAFETY: as above.
        unsafe { seam_list_sort(l, c"t1;i".as_ptr().cast(), 1) };
        // Reverse keeps equal elements in their current order, as CPython does.
        assert_eq!(words(l), [before[0], before[2], before[1], before[3]]);

        let f = roots.push(seam_list_new(0, 0));
        for x in [0.0, -0.0, f64::NAN, -1.0] {
            // SAFETY: `f` is a live list of floats.
            unsafe { seam_list_append(f, f64::to_bits(x)) };
        }
        // SAFETY: `f` holds floats.
        unsafe { seam_list_sort(f, c"f".as_ptr().cast(), 0) };
        // CPython's answer: every `<` with NaN is false, so -1.0 never moves
        // past it (`sorted([0.0, -0.0, nan, -1.0])`).
        assert_eq!(repr(f as u64, "lf"), "[0.0, -0.0, nan, -1.0]");
    });
}

#[test]
fn generic_equality_and_order() {
    with_gc(true, |roots| {
        let a = int_list(roots, &[1, 2, 3]);
        let b = int_list(roots, &[1, 2]);
        let c = int_list(roots, &[1, 2, 3]);
        let x = str_list(roots, &["b", "a"]);
        let y = str_list(roots, &["b", "ab"]);
        // SAFETY: live values of the stated types.
        unsafe {
            assert!(equal(a as u64, c as u64, b"li"));
            assert!(!equal(a as u64, b as u64, b"li"));
            assert_eq!(seam_cmp(b as u64, a as u64, c"li".as_ptr().cast()), -1);
            assert_eq!(seam_cmp(a as u64, c as u64, c"li".as_ptr().cast()), 0);
            assert_eq!(seam_cmp(x as u64, y as u64, c"ls".as_ptr().cast()), -1);
            assert_eq!(seam_eq(0, 0, c"ols".as_ptr().cast()), 1);
            assert_eq!(seam_eq(0, x as u64, c"ols".as_ptr().cast()), 0);
            assert_eq!(
                seam_eq(f64::NAN.to_bits(), f64::NAN.to_bits(), c"f".as_ptr().cast()),
                0
            );
            let d1 = roots.push(seam_dict_new(0, 0));
            let d2 = roots.push(seam_dict_new(0, 0));
            seam_dict_setitem(d1, 1, 10);
            seam_dict_setitem(d1, 2, 20);
            seam_dict_setitem(d2, 2, 20);
            assert!(!equal(d1 as u64, d2 as u64, b"dii"));
            seam_dict_setitem(d2, 1, 10);
            assert!(equal(d1 as u64, d2 as u64, b"dii"));
        }
    });
}

// ---- dict ----

#[test]
fn dict_keeps_insertion_order_through_deletions() {
    with_gc(true, |roots| {
        let d = roots.push(seam_dict_new(1, 0));
        let key = |k: &str| roots.push(new_str(k)) as u64;
        // SAFETY: `d` is a live dict[str, int]; keys are rooted.
        unsafe {
            for (i, k) in ["one", "two", "three", "four"].iter().enumerate() {
                seam_dict_setitem(d, key(k), i as u64 + 1);
            }
            seam_dict_setitem(d, key("two"), 22);
            assert_eq!(
                repr(d as u64, "dsi"),
                "{'one': 1, 'two': 22, 'three': 3, 'four': 4}"
            );
            seam_dict_delitem(d, key("one"));
            assert_eq!(seam_dict_pop(d, key("three")), 3);
            assert_eq!(seam_dict_pop_default(d, key("three"), 99), 99);
            seam_dict_setitem(d, key("one"), 111);
            assert_eq!(repr(d as u64, "dsi"), "{'two': 22, 'four': 4, 'one': 111}");
            assert_eq!(word(d, layout::DICT_LEN), 3);
            assert_eq!(seam_dict_get(d, key("nope"), 0), 0);
            assert_eq!(seam_dict_contains(d, key("four")), 1);
            assert_eq!(seam_dict_setdefault(d, key("five"), 5), 5);
            assert_eq!(seam_dict_setdefault(d, key("five"), 6), 5);
            assert_eq!(seam_dict_getitem(d, key("five")), 5);

            // Iteration by entry index skips tombstones.
            let mut seen = Vec::new();
            let mut pos = 0;
            let mut taken = 0;
            loop {
                let e = seam_dict_iter_next(d, pos, 4, taken);
                if e < 0 {
                    break;
                }
                seen.push(format!(
                    "{}={}",
                    text(seam_dict_entry_key(d, e) as *mut u8),
                    seam_dict_entry_value(d, e)
                ));
                pos = e + 1;
                taken += 1;
            }
            assert_eq!(seen, ["two=22", "four=4", "one=111", "five=5"]);

            let copy = roots.push(seam_dict_copy(d));
            assert_eq!(repr(copy as u64, "dsi"), repr(d as u64, "dsi"));
        }
    });
}

#[test]
fn dict_survives_growth_and_churn() {
    with_gc(false, |roots| {
        let d = roots.push(seam_dict_new(0, 1));
        // SAFETY: `d` is a live dict[int, str]; values are rooted while inserted.
        unsafe {
            for i in 0..5000i64 {
                seam_dict_setitem(d, i as u64, roots.push(seam_str_of_int(i)) as u64);
                if i % 3 == 0 {
                    seam_dict_delitem(d, (i / 2) as u64);
                }
                if i % 1000 == 0 {
                    seam_gc::collect();
                }
            }
            seam_gc::collect();
            let live = dict_entries(d);
            assert_eq!(live.len() as u64, word(d, layout::DICT_LEN));
            for (k, v) in live {
                assert_eq!(text(v as *mut u8), k.to_string());
                assert_eq!(seam_dict_getitem(d, k), v);
            }
            assert_eq!(seam_dict_contains(d, 0), 0);
            assert_eq!(seam_dict_contains(d, 4999), 1);
        }
    });
}

fn seam_str_of_int(i: i64) -> *mut u8 {
    crate::format::seam_str_from_int(i)
}

#[test]
fn many_strings_survive_stress_collections() {
    with_gc(true, |roots| {
        let l = roots.push(seam_list_new(1, 0));
        // SAFETY: `l` is a live list of strs.
        unsafe {
            for i in 0..300 {
                let s = seam_str_concat(roots.push(seam_str_of_int(i)), roots.push(new_str("!x")));
                seam_list_append(l, s as u64);
            }
            for (i, &w) in words(l).iter().enumerate() {
                assert_eq!(text(w as *mut u8), format!("{i}!x"));
            }
        }
    });
}

// ---- faults ----

#[test]
fn fault_reports_print_as_cpython() {
    assert_eq!(
        std::str::from_utf8(RECURSION_TEXT).unwrap(),
        traceback_text("RecursionError", "maximum recursion depth exceeded")
    );
    let null = std::str::from_utf8(NULL_REFERENCE_TEXT).unwrap();
    assert!(null.starts_with("Traceback (most recent call last):\nSystemError: "));
    assert!(null.ends_with('\n') && null.lines().count() == 2);
}

#[test]
fn faults_are_classified_by_address() {
    const SEGV_MAPERR: i32 = 1;
    const SI_USER: i32 = 0;
    let stack = StackBounds {
        lo: 0x7ff0_0000_0000,
        hi: 0x7ff0_0080_0000,
    };
    let at = |addr: usize| classify(SEGV_MAPERR, addr, stack);
    // Null plus a field offset.
    assert_eq!(at(0), Fault::NullReference);
    assert_eq!(at(24), Fault::NullReference);
    assert_eq!(at(4095), Fault::NullReference);
    assert_eq!(at(4096), Fault::Other);
    // Inside the stack's range, and in the guard gap just below it.
    assert_eq!(at(stack.lo), Fault::StackOverflow);
    assert_eq!(at(stack.lo - 8), Fault::StackOverflow);
    assert_eq!(at(stack.lo - (1 << 20)), Fault::StackOverflow);
    assert_eq!(at(stack.lo - (1 << 20) - 1), Fault::Other);
    assert_eq!(at(stack.hi - 1), Fault::StackOverflow);
    assert_eq!(at(stack.hi), Fault::Other);
    // Heap and wild addresses keep the default action.
    assert_eq!(at(0x5555_0000_1000), Fault::Other);
    // A signal sent with kill(2) carries no fault address.
    assert_eq!(classify(SI_USER, 0, stack), Fault::Other);
    assert_eq!(classify(SI_USER, stack.lo, stack), Fault::Other);
}

#[test]
fn function_values_keep_their_receiver_alive() {
    with_gc(true, |roots| {
        let recv = new_str("receiver");
        let code = 0x1234usize as *const u8;
        let f = roots.push(crate::callable::seam_callable_new(code, recv));
        // Allocate (and so collect) while only the function value holds the receiver.
        for _ in 0..4 {
            new_str("garbage");
        }
        // SAFETY: `f` is a live function value, rooted.
        let (code_word, kept) = unsafe {
            (
                word(f, layout::CALLABLE_CODE),
                word(f, layout::CALLABLE_RECEIVER) as *mut u8,
            )
        };
        assert_eq!(code_word, 0x1234);
        assert_eq!(text(kept), "receiver");
        let unbound = crate::callable::seam_callable_new(code, std::ptr::null_mut());
        // SAFETY: `unbound` is a fresh function value.
        assert_eq!(unsafe { word(unbound, layout::CALLABLE_RECEIVER) }, 0);
    });
}

// ---- sets (collections) ----

#[test]
fn set_hashes_are_cpythons() {
    use crate::set::hash_of;
    // SAFETY: ints and bools are plain words.
    let int = |v: i64| unsafe { hash_of(v as u64, b"i") };
    assert_eq!(
        [
            int(-1),
            int(1 << 61),
            int(i64::MIN),
            int(i64::MAX),
            int(-2),
            int(0)
        ],
        [-2, 1, -4, 3, -2, 0]
    );
    // SAFETY: as above.
    assert_eq!(unsafe { hash_of(1, b"b") }, 1);
    with_gc(false, |roots| {
        let tuple = |xs: &[u64]| {
            let t = roots.push(seam_tuple_new(xs.len() as i64, 0));
            for (i, &x) in xs.iter().enumerate() {
                // SAFETY: `t` is a live tuple of `xs.len()` words.
                unsafe { set_word(t, layout::TUPLE_ITEMS + 8 * i, x) };
            }
            t as u64
        };
        // Expected values: CPython 3.11's hash() of the same tuples.
        // SAFETY: every tuple is live (rooted) and matches its type code.
        let h = |t: u64, tc: &[u8]| unsafe { hash_of(t, tc) };
        assert_eq!(h(tuple(&[1, 2]), b"t2;ii"), -3550055125485641917);
        assert_eq!(
            h(tuple(&[(-1i64) as u64, 5]), b"t2;ii"),
            7913930892179122687
        );
        assert_eq!(h(tuple(&[1, 3]), b"t2;bi"), -1440771752368011620);
        assert_eq!(h(tuple(&[0]), b"t1;i"), -8753497827991233192);
        let inner = tuple(&[1, 2]);
        assert_eq!(h(tuple(&[inner, 3]), b"t2;t2;iii"), -333907151259015829);
    });
}

// ---- text files ----

#[test]
fn utf8_decoding_errors_read_as_cpython_reports_them() {
    use crate::file::decode_utf8;
    let err = |data: &[u8], last: bool| decode_utf8(data, last).expect_err("invalid").msg;
    assert_eq!(
        err(b"abc\xffdef", false),
        "'utf-8' codec can't decode byte 0xff in position 3: invalid start byte"
    );
    assert_eq!(
        err(b"\xc0\x80", false),
        "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"
    );
    assert_eq!(
        err(b"x\xe2\x28\xa1", false),
        "'utf-8' codec can't decode byte 0xe2 in position 1: invalid continuation byte"
    );
    assert_eq!(
        err(b"\xf0\x90\x28", false),
        "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"
    );
    assert_eq!(
        err(b"\xed\xa0\x80", false),
        "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"
    );
    assert_eq!(
        err(b"ok\xe2\x82", true),
        "'utf-8' codec can't decode bytes in position 2-3: unexpected end of data"
    );
    assert_eq!(
        err(b"\xf0", true),
        "'utf-8' codec can't decode byte 0xf0 in position 0: unexpected end of data"
    );
    // An incomplete character at the end of a chunk waits for the next one.
    assert_eq!(decode_utf8(b"ok\xe2\x82", false), Ok(("ok".to_string(), 2)));
    assert_eq!(
        decode_utf8("é€🙂".as_bytes(), true),
        Ok(("é€🙂".to_string(), 9))
    );
}
