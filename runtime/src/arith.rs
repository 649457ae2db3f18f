//! Arithmetic that needs more than one machine instruction: Python's
//! floor division and modulo, true division of ints, powers, shifts, and
//! int/float conversions, each with CPython's errors.
//!
//! `int` is a 64-bit integer whose results must fit: `i64::MIN // -1`,
//! powers and shifts past 64 bits raise `OverflowError` (see [`crate::ints`],
//! which also holds the wrapping forms `seam.intmask` uses).

use crate::error::{Exc, ExcKind, check};
pub(crate) use crate::ints::int_from_float;
use crate::ints::{negative_exponent, overflow};

fn zero_div(msg: &str) -> Exc {
    Exc::new(ExcKind::ZeroDivisionError, msg)
}

pub(crate) fn int_floordiv(a: i64, b: i64) -> Result<i64, Exc> {
    if b == 0 {
        return Err(zero_div("integer division or modulo by zero"));
    }
    let q = a.checked_div(b).ok_or_else(overflow)?;
    Ok(if a.wrapping_rem(b) != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    })
}

/// `a % b`. CPython 3.11 words this error differently from `//`
/// ("integer modulo by zero"), whatever the ABI table's comment says.
pub(crate) fn int_mod(a: i64, b: i64) -> Result<i64, Exc> {
    if b == 0 {
        return Err(zero_div("integer modulo by zero"));
    }
    let r = a.wrapping_rem(b);
    Ok(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

/// `a / b`, correctly rounded like CPython's `int.__truediv__`.
pub(crate) fn int_truediv(a: i64, b: i64) -> Result<f64, Exc> {
    if b == 0 {
        return Err(zero_div("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    let (na, nb) = (a.unsigned_abs(), b.unsigned_abs());
    if na <= EXACT && nb <= EXACT {
        return Ok(a as f64 / b as f64);
    }
    if na == 0 {
        return Ok(if b < 0 { -0.0 } else { 0.0 });
    }
    // Scale the numerator so the quotient has at least 63 significant bits,
    // fold the remainder into a sticky bit, and let the u128 -> f64
    // conversion round once, to nearest even.
    let shift = (na as u128).leading_zeros();
    let num = (na as u128) << shift;
    let (q, r) = (num / nb as u128, num % nb as u128);
    let q = q | (r != 0) as u128;
    let magnitude = q as f64 * 2f64.powi(-(shift as i32));
    Ok(if (a < 0) != (b < 0) {
        -magnitude
    } else {
        magnitude
    })
}

pub(crate) fn int_pow(a: i64, b: i64) -> Result<i64, Exc> {
    if b < 0 {
        return Err(negative_exponent());
    }
    // The bases whose powers never grow (a huge exponent is no overflow).
    match a {
        0 => return Ok(if b == 0 { 1 } else { 0 }),
        1 => return Ok(1),
        -1 => return Ok(if b % 2 == 0 { 1 } else { -1 }),
        _ => {}
    }
    // |a| >= 2, so an exponent of 64 or more overflows.
    let exp = u32::try_from(b).map_err(|_| overflow())?;
    a.checked_pow(exp).ok_or_else(overflow)
}

fn negative_shift() -> Exc {
    Exc::new(ExcKind::ValueError, "negative shift count")
}

pub(crate) fn int_lshift(a: i64, b: i64) -> Result<i64, Exc> {
    match b {
        ..0 => Err(negative_shift()),
        _ if a == 0 => Ok(0),
        0..64 if (a << b) >> b == a => Ok(a << b),
        _ => Err(overflow()),
    }
}

pub(crate) fn int_rshift(a: i64, b: i64) -> Result<i64, Exc> {
    match b {
        ..0 => Err(negative_shift()),
        0..64 => Ok(a >> b),
        _ => Ok(if a < 0 { -1 } else { 0 }),
    }
}

pub(crate) fn float_div(a: f64, b: f64) -> Result<f64, Exc> {
    if b == 0.0 {
        return Err(zero_div("float division by zero"));
    }
    Ok(a / b)
}

/// CPython's `float_divmod`: `(floor quotient, modulo with the divisor's sign)`.
fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

pub(crate) fn float_floordiv(a: f64, b: f64) -> Result<f64, Exc> {
    if b == 0.0 {
        return Err(zero_div("float floor division by zero"));
    }
    Ok(float_divmod(a, b).0)
}

pub(crate) fn float_mod(a: f64, b: f64) -> Result<f64, Exc> {
    if b == 0.0 {
        return Err(zero_div("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0f64.copysign(b);
    }
    Ok(m)
}

/// `a ** b` on floats. A negative base with a fractional exponent gives NaN
/// (CPython would return a complex number, which the language lacks).
pub(crate) fn float_pow(a: f64, b: f64) -> Result<f64, Exc> {
    if a == 0.0 && b < 0.0 {
        return Err(zero_div("0.0 cannot be raised to a negative power"));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(Exc::new(
            ExcKind::OverflowError,
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(r)
}

// ---- the ABI ----

/// `a // b` on ints.
#[unsafe(no_mangle)]
pub extern "C" fn seam_int_floordiv(a: i64, b: i64) -> i64 {
    check(int_floordiv(a, b))
}

/// `a % b` on ints.
#[unsafe(no_mangle)]
pub extern "C" fn seam_int_mod(a: i64, b: i64) -> i64 {
    check(int_mod(a, b))
}

/// `a / b` on ints.
#[unsafe(no_mangle)]
pub extern "C" fn seam_int_truediv(a: i64, b: i64) -> f64 {
    check(int_truediv(a, b))
}

/// `a ** b` on ints.
#[unsafe(no_mangle)]
pub extern "C" fn seam_int_pow(a: i64, b: i64) -> i64 {
    check(int_pow(a, b))
}

/// `a << b`.
#[unsafe(no_mangle)]
pub extern "C" fn seam_int_lshift(a: i64, b: i64) -> i64 {
    check(int_lshift(a, b))
}

/// `a >> b`.
#[unsafe(no_mangle)]
pub extern "C" fn seam_int_rshift(a: i64, b: i64) -> i64 {
    check(int_rshift(a, b))
}

/// `a / b` on floats.
#[unsafe(no_mangle)]
pub extern "C" fn seam_float_div(a: f64, b: f64) -> f64 {
    check(float_div(a, b))
}

/// `a // b` on floats.
#[unsafe(no_mangle)]
pub extern "C" fn seam_float_floordiv(a: f64, b: f64) -> f64 {
    check(float_floordiv(a, b))
}

/// `a % b` on floats.
#[unsafe(no_mangle)]
pub extern "C" fn seam_float_mod(a: f64, b: f64) -> f64 {
    check(float_mod(a, b))
}

/// `a ** b` on floats.
#[unsafe(no_mangle)]
pub extern "C" fn seam_float_pow(a: f64, b: f64) -> f64 {
    check(float_pow(a, b))
}

/// `int(f)`, truncating.
#[unsafe(no_mangle)]
pub extern "C" fn seam_int_from_float(f: f64) -> i64 {
    check(int_from_float(f))
}
