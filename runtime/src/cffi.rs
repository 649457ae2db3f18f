//! The conversions of `str` at calls of C functions (`@seam.c_function`).
//!
//! Everything else a C function takes or returns (`int`, `float`, `bool`,
//! `CPointer`) is passed in registers as the C ABI has it. A `str` goes to C as
//! a pointer to its own bytes, which are NUL-terminated (see
//! `gcglue::try_alloc_str`), and comes back as a copy: C keeps ownership of
//! what it returned. No copy is needed on the way in because the collector
//! never moves objects and cannot run during the call (C code cannot allocate
//! Seam objects), and the argument stays referenced by the calling frame.

use crate::error::{Exc, ExcKind};
use crate::file::decode_utf8;
use crate::layout::STR_BYTES;
use crate::strobj::{new_str_or_raise, str_as_str, str_bytes};
use std::ffi::CStr;

/// `s` as a C string: its bytes, which a NUL follows; ValueError "embedded null
/// character" (CPython's message for a path or ctypes argument with one) when the
/// text holds a NUL itself, which C would take for its end.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_as_c(s: *mut u8) -> i64 {
    // SAFETY: the caller passes a live str.
    let bytes = unsafe { str_bytes(s) };
    if bytes.contains(&0) {
        Exc::new(ExcKind::ValueError, "embedded null character").raise();
        return 0;
    }
    // SAFETY: a str's bytes start at STR_BYTES.
    unsafe { s.add(STR_BYTES) as i64 }
}

/// A new `str` of the NUL-terminated UTF-8 text `text` returned by the C
/// function `name`: ValueError when `text` is null, UnicodeDecodeError (as
/// CPython's `bytes.decode()`) when it is not UTF-8.
///
/// # Safety
/// `text` must be null or point to a NUL-terminated string; `name` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_from_c(text: *const u8, name: *mut u8) -> *mut u8 {
    if text.is_null() {
        // SAFETY: the caller passes a live str.
        let name = unsafe { str_as_str(name) };
        Exc::new(
            ExcKind::ValueError,
            format!("C function '{name}' returned NULL for its str result"),
        )
        .raise();
        return std::ptr::null_mut();
    }
    // SAFETY: the caller passes a NUL-terminated string.
    let bytes = unsafe { CStr::from_ptr(text.cast()) }.to_bytes();
    match decode_utf8(bytes, true) {
        Ok((decoded, _)) => new_str_or_raise(&decoded),
        Err(e) => {
            e.raise();
            std::ptr::null_mut()
        }
    }
}
