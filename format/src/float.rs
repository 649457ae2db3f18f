//! Floats as CPython writes them: `repr`, and the `e`, `f`, `g`, `%` and
//! empty presentation types of format specs and `%`-formatting.
//!
//! Digits come from Rust's formatter, which is correctly rounded (ties to
//! even on exact halves, like David Gay's `dtoa` that CPython uses); they are
//! then laid out by the rules of CPython's `format_float_short`
//! (`Python/pystrtod.c`).

use crate::number::{Grouping, NumberParts, render_number};
use crate::spec::{Spec, sign_text};

/// How the digits are chosen (`dtoa`'s modes).
#[derive(Clone, Copy)]
enum Mode {
    /// The shortest digits that round-trip.
    Shortest,
    /// `n` significant digits (at least one).
    Significant(usize),
    /// `n` digits after the decimal point.
    Fixed(usize),
}

/// The decimal digits of `|f|` (finite) with trailing zeros removed, and the
/// position of the decimal point relative to them: `0.0123` is `("123", -1)`.
/// A value that rounds to zero gives `("0", 1)`.
fn digits(f: f64, mode: Mode) -> (String, i64) {
    let a = f.abs();
    let (mut ds, decpt) = match mode {
        Mode::Shortest | Mode::Significant(_) => {
            let s = match mode {
                Mode::Significant(n) => format!("{:.*e}", n.max(1) - 1, a),
                _ => format!("{a:e}"),
            };
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            let e: i64 = e.parse().unwrap_or(0);
            (m.replace('.', ""), e + 1)
        }
        Mode::Fixed(n) => {
            let s = format!("{:.*}", n, a);
            let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
            let all = format!("{int}{frac}");
            let lz = all.bytes().take_while(|&b| b == b'0').count();
            (all[lz..].to_string(), int.len() as i64 - lz as i64)
        }
    };
    while ds.ends_with('0') {
        ds.pop();
    }
    if ds.is_empty() {
        return ("0".into(), 1);
    }
    (ds, decpt)
}

/// Flags of `PyOS_double_to_string`.
#[derive(Clone, Copy, Default)]
pub(crate) struct Flags {
    pub alt: bool,
    pub add_dot_0: bool,
    pub no_neg_0: bool,
}

/// `PyOS_double_to_string(f, code, precision, flags)` without the sign:
/// whether a `-` goes in front, and the text. `code` is one of `e E f F g G r`.
pub(crate) fn double_to_string(
    f: f64,
    code: char,
    precision: usize,
    flags: Flags,
) -> (bool, String) {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if f.is_nan() {
        return (false, if upper { "NAN" } else { "nan" }.into());
    }
    if f.is_infinite() {
        return (f < 0.0, if upper { "INF" } else { "inf" }.into());
    }
    let (mode, precision) = match code {
        'e' => (Mode::Significant(precision + 1), precision + 1),
        'f' => (Mode::Fixed(precision), precision),
        'g' => {
            let p = precision.max(1);
            (Mode::Significant(p), p)
        }
        _ => (Mode::Shortest, 0),
    };
    let (ds, mut decpt) = digits(f, mode);
    let mut neg = f.is_sign_negative();
    if flags.no_neg_0 && ds == "0" {
        neg = false;
    }
    let p = precision as i64;
    let n = ds.len() as i64;
    let mut use_exp = false;
    let mut vdigits_end = n;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = p;
        }
        'f' => vdigits_end = decpt + p,
        'g' => {
            let limit = if flags.add_dot_0 { p - 1 } else { p };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = p;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    let zeros = |k: i64| "0".repeat(k.max(0) as usize);
    let mut out = String::new();
    if decpt <= 0 {
        out.push_str(&zeros(decpt - vdigits_start));
        out.push('.');
        out.push_str(&zeros(-decpt));
    } else {
        out.push_str(&zeros(-vdigits_start));
    }
    if 0 < decpt && decpt <= n {
        out.push_str(&ds[..decpt as usize]);
        out.push('.');
        out.push_str(&ds[decpt as usize..]);
    } else {
        out.push_str(&ds);
    }
    if n < decpt {
        out.push_str(&zeros(decpt - n));
        out.push('.');
        out.push_str(&zeros(vdigits_end - decpt));
    } else {
        out.push_str(&zeros(vdigits_end - n));
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    (neg, out)
}

/// `repr(f)` as CPython 3.11 writes it (`1.0`, `1e+20`, `inf`, `nan`).
pub fn float_repr(f: f64) -> String {
    let (neg, body) = double_to_string(
        f,
        'r',
        0,
        Flags {
            add_dot_0: true,
            ..Flags::default()
        },
    );
    if neg { format!("-{body}") } else { body }
}

/// `format(f, spec)` for a parsed float spec (also ints with float types).
pub(crate) fn format_float_spec(f: f64, sp: &Spec) -> String {
    let mut flags = Flags {
        alt: sp.alternate,
        no_neg_0: sp.no_neg_0,
        add_dot_0: false,
    };
    let mut ty = sp.ty;
    let mut default_precision = 6;
    if ty == '\0' {
        flags.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    let grouping = if ty == 'n' {
        Grouping::None
    } else {
        sp.grouping
    };
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = f;
    let pct = ty == '%';
    if pct {
        ty = 'f';
        val *= 100.0;
    }
    let precision = match sp.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let (neg, mut body) = double_to_string(val, ty, precision, flags);
    if pct {
        body.push('%');
    }
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_digits);
    render_number(
        &NumberParts {
            sign: sign_text(neg, sp.sign),
            prefix: "",
            digits,
            rest,
        },
        sp,
        grouping,
    )
}
