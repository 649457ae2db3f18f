//! `str()` and `repr()` of every value, byte for byte as CPython prints
//! them, driven by type codes.
//!
//! Text is built in Rust memory and turned into one `str` at the end, so
//! walking a value allocates no GC objects itself; but an instance (code
//! `c`) prints through its class's `__repr__` or `__str__` when it has one
//! (see [`crate::dunder`]), which may collect and raise, so the value walked
//! is rooted. Recursion follows the type code's nesting, which the front end
//! bounds; other instances print through [`crate::class`] and do not recurse.

use crate::class::{instance_str, write_instance_repr};
use crate::dict::{dict_entry, dict_used};
use crate::dunder::{pending, user_repr, user_str};
use crate::float_repr::float_repr;
use crate::gcglue::Roots;
use crate::gcglue::word;
use crate::generic::{may_run_methods, unbox_optional};
use crate::layout::{TUPLE_ITEMS, TUPLE_LEN};
use crate::list::{list_get, list_words};
use crate::set::set_elements;
use crate::strobj::{new_str, new_str_or_raise, str_as_str};
use crate::typecode::{pair, tc_slice, tuple_codes, type_len};

/// Whether CPython's `str.isprintable` holds for a non-ASCII character
/// (by CPython 3.11's own database: unassigned code points are escaped too).
fn is_printable_non_ascii(c: char) -> bool {
    !crate::strmethods::in_ranges(crate::unicode_db::NOT_PRINTABLE, c)
}

/// Appends CPython's repr of the text `s`.
pub(crate) fn write_str_repr(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_ascii() || is_printable_non_ascii(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
}

/// Appends the elements of a sequence of words, comma separated.
///
/// # Safety
/// Each word must be a live value of type code `tc`.
unsafe fn write_seq(out: &mut String, words: &[u64], tc: &[u8]) {
    for (i, &w) in words.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        // SAFETY: forwarded from the caller.
        unsafe { write_repr(out, w, tc) };
    }
}

/// Appends a tuple's repr given its element words and codes.
///
/// # Safety
/// Each word must be a live value of its code.
unsafe fn write_tuple(out: &mut String, words: &[u64], tcs: &[&[u8]]) {
    out.push('(');
    for (i, (&w, tc)) in words.iter().zip(tcs).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        // SAFETY: forwarded from the caller.
        unsafe { write_repr(out, w, tc) };
    }
    if words.len() == 1 {
        out.push(',');
    }
    out.push(')');
}

/// The element words of a tuple.
///
/// # Safety
/// `t` must be a live tuple.
unsafe fn tuple_words<'a>(t: *mut u8) -> &'a [u64] {
    // SAFETY: a tuple holds `n` words at TUPLE_ITEMS.
    unsafe {
        let n = word(t, TUPLE_LEN) as usize;
        std::slice::from_raw_parts(t.add(TUPLE_ITEMS) as *const u64, n)
    }
}

/// Whether values of type code `tc` are references.
fn holds_ref(tc: &[u8]) -> bool {
    !matches!(tc.first(), Some(b'i' | b'f' | b'b' | b'n'))
}

/// Appends `repr(w)` for a value of type code `tc`.
///
/// # Safety
/// `w` must be a live value of type `tc`.
pub(crate) unsafe fn write_repr(out: &mut String, w: u64, tc: &[u8]) {
    let p = w as *mut u8;
    let first = tc.first().copied().unwrap_or(b'?');
    if p.is_null() && !matches!(first, b'i' | b'f' | b'b' | b'n') {
        // Null references only occur for `None` (optionals); never dereference one.
        out.push_str("None");
        return;
    }
    // A `__repr__` run below may drop `w` from the container it was read from.
    let roots = Roots::new();
    if may_run_methods(tc) {
        roots.push_word(w, holds_ref(tc));
    }
    // SAFETY: `w` is a live value of type `tc` (forwarded from the caller),
    // and every sub-value inherits that from its container.
    unsafe {
        match first {
            b'i' => out.push_str(&(w as i64).to_string()),
            b'f' => out.push_str(&float_repr(f64::from_bits(w))),
            b'b' => out.push_str(if w != 0 { "True" } else { "False" }),
            b'n' => out.push_str("None"),
            b's' => write_str_repr(out, str_as_str(p)),
            // A `bytes` argument of an exception the runtime raised, held as its repr.
            b'y' => out.push_str(str_as_str(p)),
            b'o' => write_repr(out, unbox_optional(w, &tc[1..]), &tc[1..]),
            b'S' => {
                let elems = set_elements(p);
                if elems.is_empty() {
                    out.push_str("set()");
                } else {
                    out.push('{');
                    write_seq(out, &elems, &tc[1..]);
                    out.push('}');
                }
            }
            b'l' => {
                // An element's `__repr__` may change the list: each element
                // is read afresh, as CPython's `list_repr` does.
                out.push('[');
                let mut i = 0;
                while let Some(w) = list_get(p, i) {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_repr(out, w, &tc[1..]);
                    i += 1;
                }
                out.push(']');
            }
            b'K' | b'V' => {
                out.push_str(if first == b'K' {
                    "dict_keys(["
                } else {
                    "dict_values(["
                });
                write_seq(out, list_words(p), &tc[1..]);
                out.push_str("])");
            }
            b'I' => {
                let (k, v) = pair(tc);
                out.push_str("dict_items([");
                for (i, &t) in list_words(p).iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_tuple(out, tuple_words(t as *mut u8), &[k, v]);
                }
                out.push_str("])");
            }
            b't' | b'u' => {
                let words = tuple_words(p);
                write_tuple(out, words, &tuple_codes(tc, words.len()))
            }
            b'd' => {
                // A `__repr__` may change the dict: each entry is read afresh
                // and rooted while it is printed, as CPython's `dict_repr` does.
                let (k, v) = pair(tc);
                out.push('{');
                let (mut e, mut first) = (0, true);
                while e < dict_used(p) {
                    if let Some((_, kw, vw)) = dict_entry(p, e) {
                        let roots = Roots::new();
                        roots.push_word(kw, holds_ref(k));
                        roots.push_word(vw, holds_ref(v));
                        if !first {
                            out.push_str(", ");
                        }
                        first = false;
                        write_repr(out, kw, k);
                        out.push_str(": ");
                        write_repr(out, vw, v);
                    }
                    e += 1;
                }
                out.push('}');
            }
            b'c' if pending() => {}
            b'c' => match user_repr(p) {
                Some(r) if !r.is_null() => out.push_str(str_as_str(r)),
                Some(_) => {}
                None => write_instance_repr(out, p),
            },
            b'T' => crate::file::write_file_repr(out, p),
            _ => out.push_str(&format!("<object at {p:p}>")),
        }
    }
}

/// `repr(w)` as Rust text.
///
/// # Safety
/// `w` must be a live value of type `tc`.
pub(crate) unsafe fn repr_word(w: u64, tc: &[u8]) -> String {
    let mut out = String::new();
    // SAFETY: forwarded from the caller.
    unsafe { write_repr(&mut out, w, &tc[..type_len(tc)]) };
    out
}

// ---- the ABI ----

/// `str(i)`.
#[unsafe(no_mangle)]
pub extern "C" fn seam_str_from_int(i: i64) -> *mut u8 {
    new_str_or_raise(&i.to_string())
}

/// `str(f)`: CPython's float repr.
#[unsafe(no_mangle)]
pub extern "C" fn seam_str_from_float(f: f64) -> *mut u8 {
    new_str_or_raise(&float_repr(f))
}

/// `str(b)`.
#[unsafe(no_mangle)]
pub extern "C" fn seam_str_from_bool(b: u8) -> *mut u8 {
    new_str_or_raise(if b != 0 { "True" } else { "False" })
}

/// `str(v)` of a value of type code `tc`: a `str` is itself, an exception
/// instance its message, anything else prints as its repr (true of every
/// other type a code can name).
///
/// # Safety
/// `v` must be a live value of type `tc`, `tc` a NUL-terminated type code.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_of(v: u64, tc: *const u8) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let mut tc = tc_slice(tc);
        let mut v = v;
        while tc.first() == Some(&b'o') && v != 0 {
            tc = &tc[1..];
            v = unbox_optional(v, tc);
        }
        if tc.first() == Some(&b's') {
            return v as *mut u8;
        }
        if tc.first() == Some(&b'c') && v != 0 {
            if let Some(s) = user_str(v as *mut u8) {
                return s;
            }
            if let Some(msg) = instance_str(v as *mut u8) {
                return msg;
            }
        }
        seam_repr_of_slice(v, tc)
    }
}

/// `repr(v)` of a value of type code `tc`.
///
/// # Safety
/// As for [`seam_str_of`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_repr_of(v: u64, tc: *const u8) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe { seam_repr_of_slice(v, tc_slice(tc)) }
}

/// # Safety
/// `v` must be a live value of type `tc`.
unsafe fn seam_repr_of_slice(v: u64, tc: &[u8]) -> *mut u8 {
    // Instances' `__repr__` methods may collect: the value stays rooted meanwhile.
    let roots = Roots::new();
    roots.push_word(v, !matches!(tc.first(), Some(b'i' | b'f' | b'b' | b'n')));
    // SAFETY: forwarded from the caller.
    let text = unsafe { repr_word(v, tc) };
    if pending() {
        return std::ptr::null_mut();
    }
    new_str(&text)
}

/// `type(v).__name__` of a value of type code `tc`: the builtin type's name,
/// `NoneType` for `None`, or the class's own name (without its module).
///
/// # Safety
/// As for [`seam_str_of`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_type_name(v: u64, tc: *const u8) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let mut tc = tc_slice(tc);
        while tc.first() == Some(&b'o') {
            if v == 0 {
                return new_str_or_raise("NoneType");
            }
            tc = &tc[1..];
        }
        let name = match tc.first() {
            Some(b'i') => "int",
            Some(b'f') => "float",
            Some(b'b') => "bool",
            Some(b's') => "str",
            Some(b'n') => "NoneType",
            Some(b'l') => "list",
            Some(b'd') => "dict",
            Some(b't' | b'u') => "tuple",
            Some(b'S') => "set",
            Some(b'K') => "dict_keys",
            Some(b'V') => "dict_values",
            Some(b'I') => "dict_items",
            Some(b'T') => "TextIOWrapper",
            Some(b'c') => {
                let full = crate::class::class_name(crate::class::class_of(v as *mut u8));
                return new_str_or_raise(full.rsplit('.').next().unwrap_or(&full));
            }
            _ => "object",
        };
        new_str_or_raise(name)
    }
}
