//! `e.args`: the arguments an exception holds, as CPython's `BaseException`
//! has them.
//!
//! An exception instance has a message (`EXC_MESSAGE`, a `str` or null) and
//! an arguments tuple with its type code (`EXC_ARGS`, `EXC_ARGS_CODE`, or
//! null). `e.args` is the tuple when there is one (the positional arguments
//! of a class's own `__init__` that did not call `super().__init__`, a
//! `KeyError`'s key, an `OSError`'s `(errno, strerror)`...), else `(message,)`
//! when there is a message, else `()`.
//!
//! The runtime raises some builtin exceptions with arguments other than their
//! message, exactly as CPython does: the key of a `KeyError`, `(errno,
//! strerror)` of an `OSError`, the five arguments of a `UnicodeDecodeError`
//! (whose `bytes` element is kept as the text of its repr under the type
//! code `y`, the one place that code appears) and the code of a
//! `SystemExit`. Their tuples' type codes are made once per shape and kept
//! for the life of the process ([`tuple_code`]).

use crate::class::{class_is_exception, class_of, new_instance};
use crate::error::{ExcKind, builtin_class, raise, set_current};
use crate::format::{repr_word, write_str_repr};
use crate::gcglue::{Roots, ptr, set_ref, set_word, try_alloc_tuple, word};
use crate::layout::{EXC_ARGS, EXC_ARGS_CODE, EXC_MESSAGE, TUPLE_ITEMS, TUPLE_LEN};
use crate::strobj::{new_str, new_str_or_raise, str_as_str};
use crate::typecode::{tc_slice, tuple_elems};

/// One argument of an exception the runtime raises.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Arg {
    Int(i64),
    Str(String),
    /// A `bytes` value, kept as the text of its repr (type code `y`).
    Bytes(Vec<u8>),
    /// A program value of type code `code` (a dict's or a set's key); the
    /// caller keeps it alive until the exception holds it.
    Value(u64, Vec<u8>),
}

impl Arg {
    fn code(&self) -> &[u8] {
        match self {
            Arg::Int(_) => b"i",
            Arg::Str(_) => b"s",
            Arg::Bytes(_) => b"y",
            Arg::Value(_, code) => code,
        }
    }
}

/// `repr(b)` of a `bytes` value, as CPython writes it.
pub(crate) fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// The NUL-terminated type code of a tuple of elements of `codes`, made once
/// per shape and kept for the life of the process (the codes of the tuples
/// the runtime makes are few: one per kind of exception and dict key type).
fn tuple_code(codes: &[&[u8]]) -> *const u8 {
    static CODES: std::sync::Mutex<Vec<&'static [u8]>> = std::sync::Mutex::new(Vec::new());
    let mut code = format!("t{};", codes.len()).into_bytes();
    for c in codes {
        code.extend_from_slice(c);
    }
    code.push(0);
    let mut known = CODES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(k) = known.iter().find(|k| **k == code.as_slice()) {
        return k.as_ptr();
    }
    let kept: &'static [u8] = Box::leak(code.into_boxed_slice());
    known.push(kept);
    kept.as_ptr()
}

/// Raises builtin exception `kind` with message `msg` (none when empty) and
/// arguments `args`. May collect.
pub(crate) fn raise_with_args(kind: ExcKind, msg: &str, args: &[Arg]) {
    let exc = new_with_args(kind, msg, args);
    if exc.is_null() {
        crate::memory::raise_memory_error();
    } else {
        set_current(exc);
    }
}

/// A new instance of builtin exception `kind` with message `msg` (none when
/// empty) and arguments `args`; null when the memory cannot be had. May collect.
pub(crate) fn new_with_args(kind: ExcKind, msg: &str, args: &[Arg]) -> *mut u8 {
    let desc = builtin_class(kind);
    if desc.is_null() {
        crate::fatal::fatal(kind.qualified_name(), msg);
    }
    let roots = Roots::new();
    for a in args {
        if let Arg::Value(w, code) = a {
            roots.push_word(*w, !matches!(code.first(), Some(b'i' | b'f' | b'b' | b'n')));
        }
    }
    let msg = if msg.is_empty() {
        std::ptr::null_mut()
    } else {
        roots.push(new_str(msg))
    };
    let mut words = Vec::with_capacity(args.len());
    let mut mask = 0u64;
    for (i, a) in args.iter().enumerate() {
        let (w, is_ref) = match a {
            Arg::Int(n) => (*n as u64, false),
            Arg::Str(s) => (roots.push(new_str(s)) as u64, true),
            Arg::Bytes(b) => (roots.push(new_str(&bytes_repr(b))) as u64, true),
            Arg::Value(w, code) => (*w, !matches!(code.first(), Some(b'i' | b'f' | b'b' | b'n'))),
        };
        words.push(w);
        if is_ref {
            mask |= 1 << i;
        }
    }
    let codes: Vec<&[u8]> = args.iter().map(Arg::code).collect();
    let code = tuple_code(&codes);
    let Some(tuple) = try_alloc_tuple(words.len(), mask) else {
        return std::ptr::null_mut();
    };
    roots.push(tuple);
    // SAFETY: `tuple` is a fresh tuple of `words.len()` words whose mask says
    // which are references, each live (rooted above); the descriptor is the
    // translator's builtin class, whose instances have the exception fields.
    unsafe {
        for (i, &w) in words.iter().enumerate() {
            set_word(tuple, TUPLE_ITEMS + 8 * i, w);
        }
        let exc = new_instance(desc);
        if !exc.is_null() {
            set_ref(exc, EXC_MESSAGE, msg as u64);
            set_ref(exc, EXC_ARGS, tuple as u64);
            set_word(exc, EXC_ARGS_CODE, code as u64);
        }
        exc
    }
}

/// What `e.args` is made of.
enum Args {
    /// A tuple and its type code.
    Tuple(*mut u8, *const u8),
    /// `(message,)`.
    Message(*mut u8),
    Empty,
}

/// The arguments of exception `exc`.
///
/// # Safety
/// `exc` must be a live exception instance.
unsafe fn args_of(exc: *mut u8) -> Args {
    // SAFETY: exceptions hold these fields (forwarded from the caller).
    unsafe {
        let args = ptr(exc, EXC_ARGS);
        let code = word(exc, EXC_ARGS_CODE) as *const u8;
        if !args.is_null() && !code.is_null() {
            return Args::Tuple(args, code);
        }
        let msg = ptr(exc, EXC_MESSAGE);
        if msg.is_null() {
            Args::Empty
        } else {
            Args::Message(msg)
        }
    }
}

/// `len(e.args)`.
///
/// # Safety
/// `exc` must be a live exception instance.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_exc_args_len(exc: *mut u8) -> i64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        debug_assert!(class_is_exception(class_of(exc)));
        match args_of(exc) {
            Args::Tuple(t, _) => word(t, TUPLE_LEN) as i64,
            Args::Message(_) => 1,
            Args::Empty => 0,
        }
    }
}

/// `str(e.args)` (`index` [`crate::MISSING`]), or `str(e.args[index])`, or
/// `repr(e.args[index])` when `as_repr`: IndexError "tuple index out of
/// range" for an index outside the arguments (negative from the end).
///
/// # Safety
/// `exc` must be a live exception instance.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_exc_args_text(exc: *mut u8, index: i64, as_repr: u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; the fields read are live.
    unsafe {
        let roots = Roots::new();
        roots.push(exc);
        let args = args_of(exc);
        if index == crate::MISSING {
            let text = match args {
                Args::Tuple(t, code) => repr_word(t as u64, tc_slice(code)),
                Args::Message(m) => {
                    let mut out = String::from("(");
                    write_str_repr(&mut out, str_as_str(m));
                    out.push_str(",)");
                    out
                }
                Args::Empty => "()".to_owned(),
            };
            return new_str_or_raise(&text);
        }
        let len = seam_exc_args_len(exc);
        let k = if index < 0 { index + len } else { index };
        if !(0..len).contains(&k) {
            raise(ExcKind::IndexError, "tuple index out of range");
            return std::ptr::null_mut();
        }
        match args {
            Args::Tuple(t, code) => {
                let elems = tuple_elems(tc_slice(code));
                let elem = elems.get(k as usize).copied().unwrap_or(b"n");
                let item = word(t, TUPLE_ITEMS + 8 * k as usize);
                if elem.first() == Some(&b'y') {
                    // A bytes value: its str is its repr, which is what it holds.
                    return item as *mut u8;
                }
                // The element's code as a NUL-terminated string: the tuple
                // code's tail from this element on (it ends the code).
                let offset = elem.as_ptr().offset_from(tc_slice(code).as_ptr()) as usize;
                let elem_code = code.add(offset);
                if as_repr != 0 {
                    crate::format::seam_repr_of(item, elem_code)
                } else {
                    crate::format::seam_str_of(item, elem_code)
                }
            }
            Args::Message(m) if as_repr != 0 => {
                let mut out = String::new();
                write_str_repr(&mut out, str_as_str(m));
                new_str_or_raise(&out)
            }
            Args::Message(m) => m,
            Args::Empty => std::ptr::null_mut(),
        }
    }
}
