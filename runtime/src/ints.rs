//! Checked integers, the numeric builtins and the recursion limit.
//!
//! `int` is a 64-bit machine integer: where CPython would produce an integer
//! that does not fit, the language raises `OverflowError` with the one message
//! [`OVERFLOW_MESSAGE`]. Generated code checks `+ - *` and negation inline and
//! calls [`seam_raise_overflow`] on its cold path; the runtime's own integer
//! operations (`**`, `<<`, `//`, conversions, `round`) check here or in
//! [`crate::arith`]. Inside `seam.intmask(...)` the translator wraps instead,
//! with [`seam_int_pow_wrapping`] and [`seam_int_lshift_wrapping`] for the two
//! operators that are calls.
//!
//! Recursion: functions that may recurse compare the stack pointer with
//! [`seam_stack_limit`] on entry and call [`seam_raise_recursion`] below it.
//! The C entry point runs the program on a thread with a
//! [`PROGRAM_STACK_SIZE`] stack and sets the limit [`STACK_HEADROOM`] above its
//! lowest address (see [`set_stack_limit`]): room for the runtime helpers,
//! handlers and non-recursive calls that run past the limit.
//!
//! Knows nothing of the translator: which operations are checked, and where
//! the stack checks go, is decided there.

use crate::error::{Exc, ExcKind, check, raise};
use crate::strobj::new_str_or_raise;

/// The message of every `OverflowError` raised where CPython would have
/// produced a big integer.
pub(crate) const OVERFLOW_MESSAGE: &str = "integer overflow: result does not fit in 64 bits";

/// The size of the stack the program runs on (mapped lazily by the kernel).
#[cfg_attr(
    test,
    allow(
        dead_code,
        reason = "only the C entry point uses it; unit tests have no program thread"
    )
)]
pub(crate) const PROGRAM_STACK_SIZE: usize = 256 << 20;

/// How far above the lowest address of the program's stack the limit sits.
pub(crate) const STACK_HEADROOM: usize = 4 << 20;

/// The native stack's limit that functions which may recurse compare the stack
/// pointer with on entry; zero (no limit) until [`set_stack_limit`].
#[unsafe(no_mangle)]
#[allow(
    non_upper_case_globals,
    reason = "the symbol name is part of the runtime ABI"
)]
pub static mut seam_stack_limit: usize = 0;

/// Sets the limit for a stack whose lowest usable address is `lo`.
#[cfg_attr(
    test,
    allow(
        dead_code,
        reason = "only process start-up uses it; unit tests have no program thread"
    )
)]
pub(crate) fn set_stack_limit(lo: usize) {
    // SAFETY: written once by the program's thread before generated code runs.
    unsafe { seam_stack_limit = lo.saturating_add(STACK_HEADROOM) }
}

/// The `OverflowError` of a result that does not fit in 64 bits.
pub(crate) fn overflow() -> Exc {
    Exc::new(ExcKind::OverflowError, OVERFLOW_MESSAGE)
}

/// `int(f)`: truncation toward zero; ValueError for NaN, OverflowError
/// past 64 bits.
pub(crate) fn int_from_float(f: f64) -> Result<i64, Exc> {
    if f.is_nan() {
        return Err(Exc::new(
            ExcKind::ValueError,
            "cannot convert float NaN to integer",
        ));
    }
    if f.is_infinite() {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&t) {
        return Err(overflow());
    }
    Ok(t as i64)
}

/// `a ** b` modulo 2**64.
pub(crate) fn int_pow_wrapping(a: i64, b: i64) -> Result<i64, Exc> {
    if b < 0 {
        return Err(negative_exponent());
    }
    let (mut base, mut exp, mut acc) = (a, b as u64, 1i64);
    while exp > 0 {
        if exp & 1 == 1 {
            acc = acc.wrapping_mul(base);
        }
        base = base.wrapping_mul(base);
        exp >>= 1;
    }
    Ok(acc)
}

/// The error of `int ** int` with a negative exponent (CPython gives a float).
pub(crate) fn negative_exponent() -> Exc {
    Exc::new(
        ExcKind::ValueError,
        "negative exponent for int ** int (the result would be a float): use a float base",
    )
}

/// `a << b` modulo 2**64.
pub(crate) fn int_lshift_wrapping(a: i64, b: i64) -> Result<i64, Exc> {
    match b {
        ..0 => Err(Exc::new(ExcKind::ValueError, "negative shift count")),
        0..64 => Ok(a << b),
        _ => Ok(0),
    }
}

/// `round(f)`: to the nearest integer, halfway cases to even, as CPython.
pub(crate) fn float_round(f: f64) -> Result<i64, Exc> {
    int_from_float(f.round_ties_even())
}

/// `round(f, ndigits)` as CPython's `float.__round__`: the value correctly
/// rounded (halfway cases to even) to `ndigits` decimal digits after the
/// point (before it, when negative), read back as the nearest float.
pub(crate) fn float_round_digits(x: f64, ndigits: i64) -> Result<f64, Exc> {
    // CPython's bounds: beyond them x rounds to itself, or to zero.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    // The exact decimal expansion of |x| (a double has at most 1074 digits
    // after the point), rounded as a digit string.
    let exact = format!("{:.1100}", x.abs());
    let (int_part, frac_part) = exact.split_once('.').unwrap_or((&exact, ""));
    let digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
    // Keep the digits before position `keep` (counted from the first digit).
    let keep = int_part.len() as i64 + ndigits;
    let (mut kept, rest): (Vec<u8>, &[u8]) = if keep <= 0 {
        (Vec::new(), if keep == 0 { &digits[..] } else { &[] })
    } else {
        let k = (keep as usize).min(digits.len());
        (digits[..k].to_vec(), &digits[k..])
    };
    let round_up = match rest.first() {
        Some(&d) if d > b'5' => true,
        Some(&b'5') => {
            rest[1..].iter().any(|&d| d != b'0')
                || kept.last().is_some_and(|&d| (d - b'0') % 2 == 1)
        }
        _ => false,
    };
    if round_up {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, b'1');
                break;
            }
            i -= 1;
            if kept[i] == b'9' {
                kept[i] = b'0';
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let mut text = String::with_capacity(kept.len() + 8);
    text.push('0');
    text.extend(kept.iter().map(|&d| d as char));
    // `kept` holds the digits of the result times 10**ndigits.
    text.push_str(&format!("e{}", -ndigits));
    let magnitude: f64 = text.parse().unwrap_or(f64::INFINITY);
    if magnitude.is_infinite() {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "rounded value too large to represent",
        ));
    }
    Ok(if x.is_sign_negative() {
        -magnitude
    } else {
        magnitude
    })
}

/// `round(i, ndigits)` as CPython's `int.__round__`: `i` for `ndigits >= 0`,
/// else the nearest multiple of `10**-ndigits`, halfway cases to even.
pub(crate) fn int_round_digits(i: i64, ndigits: i64) -> Result<i64, Exc> {
    if ndigits >= 0 {
        return Ok(i);
    }
    // |i| < 10**19 / 2 is not true of every i64, but |i| < 10**20 / 2 is:
    // from 10**20 on, everything rounds to zero.
    if ndigits < -38 {
        return Ok(0);
    }
    let pow10 = 10i128.pow((-ndigits) as u32);
    let x = i128::from(i);
    let (q, r) = (x.div_euclid(pow10), x.rem_euclid(pow10));
    let twice = 2 * r;
    let q = if twice > pow10 || (twice == pow10 && q % 2 != 0) {
        q + 1
    } else {
        q
    };
    i64::try_from(q * pow10).map_err(|_| overflow())
}

/// `hex(i)`, `oct(i)` or `bin(i)` (`base` 16, 8 or 2; anything else is 16).
pub(crate) fn int_to_base(i: i64, base: i64) -> String {
    let m = i.unsigned_abs();
    let sign = if i < 0 { "-" } else { "" };
    match base {
        2 => format!("{sign}0b{m:b}"),
        8 => format!("{sign}0o{m:o}"),
        _ => format!("{sign}0x{m:x}"),
    }
}

// ---- the ABI ----

/// Raises `OverflowError` (the cold path of an inline overflow check).
#[unsafe(no_mangle)]
pub extern "C" fn seam_raise_overflow() {
    overflow().raise()
}

/// Raises `RecursionError` (the cold path of a prologue's stack check).
#[unsafe(no_mangle)]
pub extern "C" fn seam_raise_recursion() {
    raise(ExcKind::RecursionError, "maximum recursion depth exceeded")
}

/// `a ** b` modulo 2**64.
#[unsafe(no_mangle)]
pub extern "C" fn seam_int_pow_wrapping(a: i64, b: i64) -> i64 {
    check(int_pow_wrapping(a, b))
}

/// `a << b` modulo 2**64.
#[unsafe(no_mangle)]
pub extern "C" fn seam_int_lshift_wrapping(a: i64, b: i64) -> i64 {
    check(int_lshift_wrapping(a, b))
}

/// `round(f)`.
#[unsafe(no_mangle)]
pub extern "C" fn seam_float_round(f: f64) -> i64 {
    check(float_round(f))
}

/// `round(f, ndigits)`.
#[unsafe(no_mangle)]
pub extern "C" fn seam_float_round_digits(f: f64, ndigits: i64) -> f64 {
    check(float_round_digits(f, ndigits))
}

/// `round(i, ndigits)`.
#[unsafe(no_mangle)]
pub extern "C" fn seam_int_round_digits(i: i64, ndigits: i64) -> i64 {
    check(int_round_digits(i, ndigits))
}

/// `hex(i)`, `oct(i)`, `bin(i)`.
#[unsafe(no_mangle)]
pub extern "C" fn seam_int_to_base(i: i64, base: i64) -> *mut u8 {
    new_str_or_raise(&int_to_base(i, base))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_forms_reduce_modulo_two_to_the_64() {
        assert_eq!(int_pow_wrapping(3, 41), Ok(3i64.wrapping_pow(41)));
        assert_eq!(int_pow_wrapping(2, 64), Ok(0));
        assert_eq!(int_pow_wrapping(2, -1), Err(negative_exponent()));
        assert_eq!(int_lshift_wrapping(3, 63), Ok(i64::MIN));
        assert_eq!(int_lshift_wrapping(1, 64), Ok(0));
        assert_eq!(
            int_lshift_wrapping(1, -1).unwrap_err().kind,
            ExcKind::ValueError
        );
    }

    #[test]
    fn round_matches_cpython() {
        // Values printed by CPython 3.11.
        assert_eq!(float_round(0.5), Ok(0));
        assert_eq!(float_round(1.5), Ok(2));
        assert_eq!(float_round(2.5), Ok(2));
        assert_eq!(float_round(-0.5), Ok(0));
        assert_eq!(float_round(-1.5), Ok(-2));
        assert_eq!(float_round(2.4999999999999996), Ok(2));
        assert_eq!(float_round(1e19).unwrap_err(), overflow());
        assert_eq!(float_round(f64::NAN).unwrap_err().kind, ExcKind::ValueError);
        let digits: &[(f64, i64, f64)] = &[
            (2.675, 2, 2.67),
            (0.125, 2, 0.12),
            (0.375, 2, 0.38),
            (1.25, 1, 1.2),
            (2.5, 0, 2.0),
            (3.5, 0, 4.0),
            (1250.0, -2, 1200.0),
            (1350.0, -2, 1400.0),
            (123.456, -1, 120.0),
            (0.001, 1, 0.0),
            (1e300, -300, 1e300),
            (5e-324, 323, 0.0),
            (1.23456, 400, 1.23456),
            (99.99, 1, 100.0),
            (-2.675, 2, -2.67),
            (0.1 + 0.2, 15, 0.3),
        ];
        for &(x, n, want) in digits {
            assert_eq!(float_round_digits(x, n), Ok(want), "round({x}, {n})");
        }
        let neg_zero = float_round_digits(-0.001, 1).unwrap();
        assert!(neg_zero == 0.0 && neg_zero.is_sign_negative());
        assert!(float_round_digits(1.5, -400).unwrap().is_sign_positive());
        assert!(float_round_digits(-1.5, -400).unwrap().is_sign_negative());
        assert_eq!(
            float_round_digits(1.7e308, -308).unwrap_err().msg,
            "rounded value too large to represent"
        );
        assert!(float_round_digits(f64::NAN, 2).unwrap().is_nan());
    }

    #[test]
    fn int_round_is_to_even_multiples_of_powers_of_ten() {
        assert_eq!(int_round_digits(125, -1), Ok(120));
        assert_eq!(int_round_digits(135, -1), Ok(140));
        assert_eq!(int_round_digits(-125, -1), Ok(-120));
        assert_eq!(int_round_digits(-126, -1), Ok(-130));
        assert_eq!(int_round_digits(7, 3), Ok(7));
        // CPython: 10**19, which does not fit.
        assert_eq!(int_round_digits(i64::MAX, -19), Err(overflow()));
        assert_eq!(int_round_digits(i64::MAX, -20), Ok(0));
        assert_eq!(int_round_digits(i64::MIN, -40), Ok(0));
        assert_eq!(int_round_digits(i64::MAX, -1), Err(overflow()));
    }

    #[test]
    fn bases_print_as_cpython() {
        assert_eq!(int_to_base(255, 16), "0xff");
        assert_eq!(int_to_base(-1, 16), "-0x1");
        assert_eq!(int_to_base(8, 8), "0o10");
        assert_eq!(int_to_base(0, 2), "0b0");
        assert_eq!(int_to_base(-5, 2), "-0b101");
        assert_eq!(int_to_base(i64::MIN, 16), "-0x8000000000000000");
    }
}
