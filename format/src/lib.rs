//! `seam-format`: string formatting exactly as CPython 3.11 does it — the
//! format-spec mini-language of `format()` and f-strings, the replacement
//! fields of `str.format`, and `%`-formatting.
//!
//! ```text
//!   checker (seam-core) ──check_spec / parse_fields / check_percent──▶ diagnostics at check time
//!   runtime (seam-runtime) ──format_value / percent_format──▶ text, or the exception CPython raises
//! ```
//!
//! One implementation serves both sides, so what the checker accepts and what
//! the runtime does cannot drift apart: the checker refuses a literal spec
//! with the very message the runtime would raise.
//!
//! **Architecture Invariant:** this crate knows nothing of Seam's values,
//! type codes or heap. It sees values through [`Object`] and returns text or
//! a [`FormatError`] naming the Python exception class; it never allocates on
//! the GC heap and has no `unsafe`.

#![forbid(unsafe_code)]

mod fields;
mod float;
mod number;
mod percent;
mod spec;

pub use fields::{ArgRef, Field, FieldPiece, parse_fields};
pub use float::float_repr;
pub use percent::{PercentArgKind, check_percent, percent_format, uses_mapping_keys};
pub use spec::{Kind, check_spec, format_value};

/// The Python exception class a formatting error is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorClass {
    ValueError,
    TypeError,
    OverflowError,
    KeyError,
}

/// A formatting error: the exception CPython raises, and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    pub class: ErrorClass,
    pub message: String,
}

impl FormatError {
    pub(crate) fn value(message: impl Into<String>) -> FormatError {
        FormatError {
            class: ErrorClass::ValueError,
            message: message.into(),
        }
    }

    pub(crate) fn type_error(message: impl Into<String>) -> FormatError {
        FormatError {
            class: ErrorClass::TypeError,
            message: message.into(),
        }
    }

    pub(crate) fn overflow(message: impl Into<String>) -> FormatError {
        FormatError {
            class: ErrorClass::OverflowError,
            message: message.into(),
        }
    }
}

/// What a value is, as far as formatting cares.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(&'a str),
    /// Anything else (`None`, containers, instances), by its CPython type name
    /// (`list`, `NoneType`, a class's `__name__`).
    Other(&'a str),
}

/// A value being formatted: what it is, and its `str()` and `repr()` (asked
/// for only when needed).
pub trait Object {
    fn value(&self) -> Value<'_>;
    fn to_str(&self) -> String;
    fn to_repr(&self) -> String;
}

/// `ascii(x)` given `repr(x)`: every non-ASCII character escaped as
/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn ascii_of_repr(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let u = c as u32;
        match u {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{u:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{u:04x}")),
            _ => out.push_str(&format!("\\U{u:08x}")),
        }
    }
    out
}
