//! `int(s)` and `float(s)`: CPython's literal grammars for the two
//! conversions, with its error messages.
//!
//! Both read the text as CPython does: first every non-ASCII character
//! becomes ASCII (a Unicode space becomes a space, a decimal digit of any
//! script its ASCII digit, anything else an invalid character), then ASCII
//! whitespace (space, `\t`, `\n`, `\v`, `\f`, `\r`, not the separators
//! `\x1c`..`\x1f` that `str.isspace` counts) is stripped from both ends.
//!
//! Integers outside the 64-bit range raise OverflowError (Python would
//! return a big integer), with [`crate::ints::OVERFLOW_MESSAGE`].

use crate::error::{Exc, ExcKind, check};
use crate::format::write_str_repr;
use crate::strobj::{py_isspace, str_as_str};
use crate::unicode_db::DECIMAL_ZEROS;

/// CPython formats the text with `%.200R`: its repr, cut to 200 characters.
fn invalid_int(s: &str) -> Exc {
    let mut repr = String::new();
    write_str_repr(&mut repr, s);
    let mut msg = String::from("invalid literal for int() with base 10: ");
    msg.extend(repr.chars().take(200));
    Exc::new(ExcKind::ValueError, msg)
}

/// Removes underscores that sit between two digits; `None` when an
/// underscore is misplaced (leading, trailing, doubled, or next to a non-digit).
fn strip_underscores(digits: &str) -> Option<String> {
    let b = digits.as_bytes();
    let mut out = String::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let before = i > 0 && b[i - 1].is_ascii_digit();
            let after = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(before && after) {
                return None;
            }
        } else {
            out.push(c as char);
        }
    }
    Some(out)
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: ASCII stays,
/// Unicode whitespace becomes a space, a decimal digit its ASCII digit, and
/// anything else `?` (which no grammar accepts).
fn to_ascii(s: &str) -> String {
    s.chars()
        .map(|c| {
            if (c as u32) < 127 {
                c
            } else if py_isspace(c) {
                ' '
            } else {
                decimal_value(c).map_or('?', |d| (b'0' + d) as char)
            }
        })
        .collect()
}

/// The decimal value of a Unicode decimal digit (category Nd), if `c` is one.
fn decimal_value(c: char) -> Option<u8> {
    let u = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= u);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (u - zero < 10).then(|| (u - zero) as u8)
}

/// C's `isspace` in the C locale, which CPython's number parsers strip.
fn is_ascii_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

/// Parses `s` as `int(s)` does (base 10).
pub(crate) fn parse_int(s: &str) -> Result<i64, Exc> {
    let ascii = to_ascii(s);
    let t = ascii.trim_matches(is_ascii_space);
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if body.is_empty() || !body.bytes().all(|c| c.is_ascii_digit() || c == b'_') {
        return Err(invalid_int(s));
    }
    let digits = strip_underscores(body).ok_or_else(|| invalid_int(s))?;
    let mut v: i128 = 0;
    for d in digits.bytes() {
        v = v * 10 + (d - b'0') as i128;
        if v > i64::MAX as i128 + 1 {
            return Err(crate::ints::overflow());
        }
    }
    let v = if neg { -v } else { v };
    i64::try_from(v).map_err(|_| crate::ints::overflow())
}

fn invalid_float(s: &str) -> Exc {
    let mut msg = String::from("could not convert string to float: ");
    write_str_repr(&mut msg, s);
    Exc::new(ExcKind::ValueError, msg)
}

/// Whether `t` (no sign, no whitespace) matches CPython's decimal float
/// grammar: `digits [. [digits]] | . digits`, then optionally `e [sign] digits`,
/// where digits may contain single underscores between digits.
fn is_decimal_float(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| -> usize {
        let start = *i;
        while *i < b.len() && (b[*i].is_ascii_digit() || b[*i] == b'_') {
            *i += 1;
        }
        *i - start
    };
    let int_digits = digits(&mut i);
    let mut frac_digits = 0;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        frac_digits = digits(&mut i);
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Parses `s` as `float(s)` does.
pub(crate) fn parse_float(s: &str) -> Result<f64, Exc> {
    let ascii = to_ascii(s);
    let t = ascii.trim_matches(is_ascii_space);
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let magnitude = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            if !is_decimal_float(body) {
                return Err(invalid_float(s));
            }
            // Each underscore must sit between two digits, in every part.
            let ok = body
                .split(['.', 'e', 'E', '+', '-'])
                .all(|part| part.is_empty() || strip_underscores(part).is_some());
            if !ok {
                return Err(invalid_float(s));
            }
            let clean: String = body.chars().filter(|&c| c != '_').collect();
            clean.parse::<f64>().map_err(|_| invalid_float(s))?
        }
    };
    Ok(if neg { -magnitude } else { magnitude })
}

// ---- the ABI ----

/// `int(s)`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_int_from_str(s: *mut u8) -> i64 {
    // SAFETY: forwarded from the caller.
    check(parse_int(unsafe { str_as_str(s) }))
}

/// `float(s)`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_float_from_str(s: *mut u8) -> f64 {
    // SAFETY: forwarded from the caller.
    check(parse_float(unsafe { str_as_str(s) }))
}
