//! Type codes: the compact type descriptions generated code passes to the
//! generic helpers, as NUL-terminated static strings.
//!
//! Grammar (from `seam_core::tir::Type::type_code`): `i` int, `f` float,
//! `b` bool, `s` str, `n` None, `l<T>` list, `d<K><V>` dict,
//! `t<N>;<T1>...<TN>` tuple, `u<T>` tuple of any length, `o<T>` optional, `K<T>` dict_keys,
//! `V<T>` dict_values, `I<K><V>` dict_items, `S<T>` set. This file only splits codes;
//! it knows nothing of values.

use std::ffi::CStr;

/// The bytes of a type code.
///
/// # Safety
/// `tc` must point to a NUL-terminated string that outlives the result.
pub(crate) unsafe fn tc_slice<'a>(tc: *const u8) -> &'a [u8] {
    if tc.is_null() {
        return b"";
    }
    // SAFETY: forwarded from the caller.
    unsafe { CStr::from_ptr(tc.cast()).to_bytes() }
}

/// Parses the decimal count after a tuple's `t`: `(count, index after ';')`.
fn tuple_header(tc: &[u8]) -> (usize, usize) {
    let mut i = 1;
    let mut n = 0usize;
    while let Some(d) = tc.get(i).filter(|c| c.is_ascii_digit()) {
        n = n.saturating_mul(10).saturating_add((d - b'0') as usize);
        i += 1;
    }
    if tc.get(i) == Some(&b';') {
        i += 1;
    }
    (n.min(64), i)
}

/// The length of the first complete type in `tc` (iterative, so deep
/// nesting cannot overflow the native stack).
pub(crate) fn type_len(tc: &[u8]) -> usize {
    let mut pending = 1usize;
    let mut i = 0;
    while pending > 0 && i < tc.len() {
        pending -= 1;
        match tc[i] {
            b'l' | b'o' | b'K' | b'V' | b'S' | b'u' => {
                pending += 1;
                i += 1;
            }
            b'd' | b'I' => {
                pending += 2;
                i += 1;
            }
            b't' => {
                let (n, after) = tuple_header(&tc[i..]);
                pending += n;
                i += after;
            }
            _ => i += 1,
        }
    }
    i
}

/// The element codes of a tuple code (`tc` starts with `t`).
pub(crate) fn tuple_elems(tc: &[u8]) -> Vec<&[u8]> {
    let (n, mut i) = tuple_header(tc);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let len = type_len(&tc[i.min(tc.len())..]);
        out.push(&tc[i.min(tc.len())..(i + len).min(tc.len())]);
        i += len;
    }
    out
}

/// The element codes of a tuple of `n` elements whose code is `tc`: a fixed
/// tuple's (`t...`) or `n` times a `tuple[T, ...]`'s element code (`u<T>`).
pub(crate) fn tuple_codes(tc: &[u8], n: usize) -> Vec<&[u8]> {
    if tc.first() == Some(&b'u') {
        let rest = &tc[1..];
        vec![&rest[..type_len(rest)]; n]
    } else {
        tuple_elems(tc)
    }
}

/// The two codes following a one-letter prefix (`d<K><V>`, `I<K><V>`).
pub(crate) fn pair(tc: &[u8]) -> (&[u8], &[u8]) {
    let rest = tc.get(1..).unwrap_or(b"");
    let k = type_len(rest);
    (&rest[..k], &rest[k..])
}
