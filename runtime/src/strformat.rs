//! Formatting at run time: `format(v, spec)` for f-string and `str.format`
//! fields, `fmt % args`, and `ascii(v)`, by way of `seam-format`.
//!
//! This file only adapts values described by type codes to
//! [`seam_format::Object`] and turns a [`seam_format::FormatError`] into the
//! exception CPython raises; the formatting rules live in `seam-format`.
//! `str()` and `repr()` of arbitrary values go through the generic
//! [`seam_str_of`] and [`seam_repr_of`], so whatever those print (instances
//! included) is what formatting prints.

use std::ptr::null_mut;

use seam_format::{ErrorClass, FormatError, Object, Value, ascii_of_repr};

use crate::class::{class_name, class_of};
use crate::error::{ExcKind, current, raise};
use crate::format::{seam_repr_of, seam_str_of};
use crate::gcglue::{Roots, word};
use crate::generic::unbox_optional;
use crate::layout::{TUPLE_ITEMS, TUPLE_LEN};
use crate::strobj::{new_str, str_as_str};
use crate::typecode::{tc_slice, tuple_codes, type_len};

/// A value and its type code, seen by `seam-format`.
struct Rooted<'a> {
    w: u64,
    /// The value's type code, without its terminator.
    tc: &'a [u8],
}

impl<'a> Rooted<'a> {
    /// The value itself: a non-`None` optional unwrapped (and unboxed for
    /// `int`, `float` and `bool`), with its inner type code.
    ///
    /// # Safety
    /// `w` must be a live value of type `tc`.
    unsafe fn new(mut w: u64, mut tc: &'a [u8]) -> Rooted<'a> {
        while tc.first() == Some(&b'o') && w != 0 {
            tc = &tc[1..];
            // SAFETY: forwarded from the caller: a non-null optional of inner type `tc`.
            w = unsafe { unbox_optional(w, tc) };
        }
        Rooted { w, tc }
    }

    /// Calls a generic `str`/`repr` entry point, which wants a NUL-terminated code.
    fn text(&self, f: unsafe extern "C" fn(u64, *const u8) -> *mut u8) -> String {
        let mut code = self.tc.to_vec();
        code.push(0);
        // SAFETY: `w` is a live, rooted value of type `tc`; the result is a
        // fresh `str` (or null with the exception state set), copied out
        // before anything else can allocate.
        unsafe {
            let s = f(self.w, code.as_ptr());
            if s.is_null() {
                String::new()
            } else {
                str_as_str(s).to_string()
            }
        }
    }
}

impl Object for Rooted<'_> {
    fn value(&self) -> Value<'_> {
        match self.tc.first() {
            Some(b'i') => Value::Int(self.w as i64),
            Some(b'f') => Value::Float(f64::from_bits(self.w)),
            Some(b'b') => Value::Bool(self.w != 0),
            // SAFETY: a `str` value is a live, rooted `str`.
            Some(b's') => Value::Str(unsafe { str_as_str(self.w as *mut u8) }),
            Some(b'o' | b'n') => Value::Other("NoneType"),
            Some(b'l') => Value::Other("list"),
            Some(b'd') => Value::Other("dict"),
            Some(b't' | b'u') => Value::Other("tuple"),
            Some(b'K') => Value::Other("dict_keys"),
            Some(b'V') => Value::Other("dict_values"),
            Some(b'I') => Value::Other("dict_items"),
            Some(b'S') => Value::Other("set"),
            Some(b'F') => Value::Other("function"),
            Some(b'T') => Value::Other("TextIOWrapper"),
            Some(b'c') => {
                // SAFETY: a live instance's descriptor is a static class descriptor.
                let name = unsafe { class_name(class_of(self.w as *mut u8)) };
                let short = name.rsplit('.').next().unwrap_or("object").to_string();
                Value::Other(leak_name(short))
            }
            _ => Value::Other("object"),
        }
    }

    fn to_str(&self) -> String {
        self.text(seam_str_of)
    }

    fn to_repr(&self) -> String {
        self.text(seam_repr_of)
    }
}

/// Class names live as long as their descriptors, which are never freed;
/// interning them here keeps `Value` borrow-only without unsafe lifetimes.
fn leak_name(name: String) -> &'static str {
    use std::collections::HashSet;
    use std::sync::Mutex;
    static NAMES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut guard = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    let set = guard.get_or_insert_with(HashSet::new);
    if let Some(&s) = set.get(name.as_str()) {
        return s;
    }
    let s: &'static str = Box::leak(name.into_boxed_str());
    set.insert(s);
    s
}

/// Whether values of this code are GC references.
fn is_ref(tc: &[u8]) -> bool {
    !matches!(tc.first(), Some(b'i' | b'f' | b'b' | b'n'))
}

/// Raises `e` as CPython would; returns null for the caller to return.
fn raise_error(e: FormatError) -> *mut u8 {
    let kind = match e.class {
        ErrorClass::ValueError => ExcKind::ValueError,
        ErrorClass::TypeError => ExcKind::TypeError,
        ErrorClass::OverflowError => ExcKind::OverflowError,
        ErrorClass::KeyError => ExcKind::KeyError,
    };
    raise(kind, &e.message);
    null_mut()
}

/// The result as a new `str`, unless formatting raised (a `__str__` or
/// `__repr__` run by the generic paths may have) or failed.
fn finish(r: Result<String, FormatError>) -> *mut u8 {
    if !current().is_null() {
        return null_mut();
    }
    match r {
        Ok(text) => new_str(&text),
        Err(e) => raise_error(e),
    }
}

/// `format(v, spec)` for a value of type code `tc`.
///
/// # Safety
/// `v` must be a live value of type `tc` (a NUL-terminated type code), and
/// `spec` a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_format(v: u64, tc: *const u8, spec: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; both references are rooted before
    // anything allocates.
    unsafe {
        let tc = tc_slice(tc);
        let tc = &tc[..type_len(tc)];
        let roots = Roots::new();
        roots.push_word(v, is_ref(tc));
        roots.push(spec);
        let obj = Rooted::new(v, tc);
        let r = seam_format::format_value(&obj, str_as_str(spec));
        finish(r)
    }
}

/// `ascii(v)`: its repr with non-ASCII characters escaped.
///
/// # Safety
/// `v` must be a live value of type `tc` (a NUL-terminated type code).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_ascii_of(v: u64, tc: *const u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; `v` is rooted before anything allocates.
    unsafe {
        let tc = tc_slice(tc);
        let tc = &tc[..type_len(tc)];
        let roots = Roots::new();
        roots.push_word(v, is_ref(tc));
        let repr = Rooted::new(v, tc).to_repr();
        finish(Ok(ascii_of_repr(&repr)))
    }
}

/// `fmt % args` where `args` is a value of type code `tc`: a tuple's
/// elements are the arguments, any other value is the one argument.
///
/// # Safety
/// `fmt` must be a live `str`, `args` a live value of type `tc`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_percent(fmt: *mut u8, args: u64, tc: *const u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; the format and the arguments (and
    // through the tuple, its elements) are rooted before anything allocates.
    unsafe {
        let tc = tc_slice(tc);
        let tc = &tc[..type_len(tc)];
        let roots = Roots::new();
        roots.push(fmt);
        roots.push_word(args, is_ref(tc));
        let (vals, is_tuple): (Vec<Rooted<'_>>, bool) =
            if matches!(tc.first(), Some(&(b't' | b'u'))) {
                let t = args as *mut u8;
                let n = word(t, TUPLE_LEN) as usize;
                let elems = tuple_codes(tc, n);
                let vals = elems
                    .into_iter()
                    .take(n)
                    .enumerate()
                    .map(|(i, etc)| Rooted::new(word(t, TUPLE_ITEMS + 8 * i), etc))
                    .collect();
                (vals, true)
            } else {
                (vec![Rooted::new(args, tc)], false)
            };
        let objs: Vec<&dyn Object> = vals.iter().map(|v| v as &dyn Object).collect();
        let r = seam_format::percent_format(str_as_str(fmt), &objs, is_tuple);
        finish(r)
    }
}
