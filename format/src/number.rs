//! Laying out a formatted number: sign, prefix, digits grouped by thousands
//! (zero padding included in the grouping, as CPython's
//! `_PyUnicode_InsertThousandsGrouping` does), the rest, and padding.

use crate::spec::Spec;

/// The thousands separator of a spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Grouping {
    None,
    /// `,` every three digits.
    Comma,
    /// `_` every three digits.
    Underscore,
    /// `_` every four digits (`b`, `o`, `x`, `X`).
    UnderscoreFour,
}

/// The parts of a number before padding.
pub(crate) struct NumberParts<'a> {
    /// `-`, `+`, ` ` or empty.
    pub sign: &'a str,
    /// `0x` and the like, or empty.
    pub prefix: &'a str,
    /// The integer digits, which grouping applies to.
    pub digits: &'a str,
    /// Everything after the digits: decimal point, fraction, exponent, `%`.
    pub rest: &'a str,
}

/// The digits grouped from the right, zero-filled to at least `min_width`
/// characters (separators included) when `min_width` is positive.
fn group(digits: &str, min_width: isize, grouping: Grouping) -> String {
    let (sep, size) = match grouping {
        Grouping::None => {
            let len = (digits.len() as isize).max(min_width).max(1) as usize;
            let mut out = "0".repeat(len - digits.len());
            out.push_str(digits);
            return out;
        }
        Grouping::Comma => (',', 3),
        Grouping::Underscore => ('_', 3),
        Grouping::UnderscoreFour => ('_', 4),
    };
    // Groups are built right to left and reversed at the end.
    let bytes = digits.as_bytes();
    let mut remaining = bytes.len() as isize;
    let mut min_width = min_width;
    let mut out: Vec<u8> = Vec::new();
    let mut use_sep = false;
    loop {
        let len = size.min(remaining.max(min_width).max(1));
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        if use_sep {
            out.push(sep as u8);
        }
        for k in 0..n_chars {
            out.push(bytes[(remaining - 1 - k) as usize]);
        }
        out.extend(std::iter::repeat_n(b'0', n_zeros as usize));
        use_sep = true;
        remaining -= n_chars;
        min_width -= len;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    out.reverse();
    String::from_utf8(out).expect("digits and separators are ASCII")
}

/// The number padded and aligned by `sp` (numbers align right by default).
pub(crate) fn render_number(parts: &NumberParts<'_>, sp: &Spec, grouping: Grouping) -> String {
    let align = sp.align.unwrap_or('>');
    let width = sp.width.map(|w| w as isize).unwrap_or(-1);
    let n_rest = parts.rest.chars().count() as isize;
    let non_digit = parts.sign.len() as isize + parts.prefix.len() as isize + n_rest;
    let min_width = if sp.fill == '0' && align == '=' {
        width - non_digit
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group(parts.digits, min_width, grouping)
    };
    let n_padding = (width - (non_digit + grouped.len() as isize)).max(0) as usize;
    let (left, mid, right) = match align {
        '<' => (0, 0, n_padding),
        '^' => (n_padding / 2, 0, n_padding - n_padding / 2),
        '=' => (0, n_padding, 0),
        _ => (n_padding, 0, 0),
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(sp.fill, left));
    out.push_str(parts.sign);
    out.push_str(parts.prefix);
    out.extend(std::iter::repeat_n(sp.fill, mid));
    out.push_str(&grouped);
    out.push_str(parts.rest);
    out.extend(std::iter::repeat_n(sp.fill, right));
    out
}
