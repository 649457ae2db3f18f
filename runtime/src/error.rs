//! Raising exceptions. Every error the runtime reports goes through
//! [`raise_named`], so that when exception handling arrives only this file
//! changes (from "print and exit" to "set the exception state and return").
//!
//! For now raising flushes stdout, prints CPython's last two traceback lines
//! to stderr and exits with status 1. Knows nothing of where the error came
//! from beyond its class name and message.

use crate::strobj::str_as_str;

/// Builtin exception kinds, numbered as in `seam_core::rt::ExcKind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i64)]
pub enum ExcKind {
    Exception = 0,
    ValueError = 1,
    TypeError = 2,
    IndexError = 3,
    KeyError = 4,
    ZeroDivisionError = 5,
    OverflowError = 6,
    RuntimeError = 7,
    AssertionError = 8,
    ImportError = 9,
    NotImplementedError = 10,
}

/// The Python class names, indexed by [`ExcKind`] value.
const NAMES: [&str; 11] = [
    "Exception",
    "ValueError",
    "TypeError",
    "IndexError",
    "KeyError",
    "ZeroDivisionError",
    "OverflowError",
    "RuntimeError",
    "AssertionError",
    "ImportError",
    "NotImplementedError",
];

impl ExcKind {
    /// The Python class name.
    pub fn name(self) -> &'static str {
        NAMES[self as usize]
    }
}

/// An error computed by a helper that does not raise itself (parsers,
/// arithmetic), so that tests can inspect it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Exc {
    pub kind: ExcKind,
    pub msg: String,
}

impl Exc {
    pub(crate) fn new(kind: ExcKind, msg: impl Into<String>) -> Exc {
        Exc {
            kind,
            msg: msg.into(),
        }
    }

    /// Raises this error.
    pub(crate) fn raise(self) -> ! {
        raise(self.kind, &self.msg)
    }
}

/// Unwraps `r`, raising its error.
pub(crate) fn check<T>(r: Result<T, Exc>) -> T {
    match r {
        Ok(v) => v,
        Err(e) => e.raise(),
    }
}

/// Raises builtin exception `kind` with message `msg` (empty for none).
pub(crate) fn raise(kind: ExcKind, msg: &str) -> ! {
    raise_named(kind.name(), msg)
}

/// The text CPython prints for an uncaught exception (without frames).
pub(crate) fn traceback_text(class: &str, msg: &str) -> String {
    if msg.is_empty() {
        format!("Traceback (most recent call last):\n{class}\n")
    } else {
        format!("Traceback (most recent call last):\n{class}: {msg}\n")
    }
}

/// Raises the exception of class `class` with message `msg`: the single
/// path every runtime error takes.
pub(crate) fn raise_named(class: &str, msg: &str) -> ! {
    crate::output::write_stderr(traceback_text(class, msg).as_bytes());
    std::process::exit(1)
}

/// Raises builtin exception `kind` (an [`ExcKind`] value) with message `msg`
/// (a `str`, or null for none).
///
/// # Safety
/// `msg` must be null or a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_raise_builtin(kind: i64, msg: *mut u8) -> ! {
    let class = NAMES.get(kind as usize).copied().unwrap_or("Exception");
    let text = if msg.is_null() {
        ""
    } else {
        // SAFETY: the caller passes a live str.
        unsafe { str_as_str(msg) }
    };
    raise_named(class, text)
}
