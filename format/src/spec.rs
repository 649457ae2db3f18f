//! The format-spec mini-language: `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`,
//! parsed and applied as CPython's `Python/formatter_unicode.c` does, with
//! its error messages and the order it checks them in.

use crate::number::{Grouping, NumberParts, render_number};
use crate::{FormatError, Object, Value, float};

/// The kind of a value whose spec the checker validates before run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind<'a> {
    Int,
    Float,
    Bool,
    Str,
    /// Any other type, by its CPython type name.
    Other(&'a str),
}

/// A parsed format spec.
#[derive(Clone, Debug)]
pub(crate) struct Spec {
    pub fill: char,
    /// `<`, `>`, `^` or `=`; `None` when not given (the type's default applies).
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_0: bool,
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// The presentation type; the default for the value's type when absent.
    pub ty: char,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads decimal digits at `pos`: `Ok(None)` when there are none,
/// CPython's error when the number does not fit a `Py_ssize_t`.
fn integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let start = *pos;
    let mut n: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| FormatError::value("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(n))
}

/// Parses `spec` for a value of type `type_name` whose default presentation
/// type is `default_ty` (`\0` for float) and default alignment `default_align`.
pub(crate) fn parse(
    spec: &str,
    type_name: &str,
    default_ty: char,
    default_align: char,
) -> Result<Spec, FormatError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut s = Spec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        ty: default_ty,
    };
    let mut fill_given = false;
    if end >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.align = Some(chars[1]);
        fill_given = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        s.align = Some(chars[0]);
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        s.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        s.no_neg_0 = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        s.alternate = true;
        pos += 1;
    }
    if !fill_given && chars.get(pos) == Some(&'0') {
        s.fill = '0';
        if s.align.is_none() && default_align == '>' {
            s.align = Some('=');
        }
        pos += 1;
    }
    s.width = integer(&chars, &mut pos)?;
    if chars.get(pos) == Some(&',') {
        s.grouping = Grouping::Comma;
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if s.grouping != Grouping::None {
            return Err(FormatError::value("Cannot specify both ',' and '_'."));
        }
        s.grouping = Grouping::Underscore;
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && s.grouping == Grouping::Underscore {
        return Err(FormatError::value("Cannot specify both ',' and '_'."));
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        s.precision = integer(&chars, &mut pos)?;
        if s.precision.is_none() {
            return Err(FormatError::value("Format specifier missing precision"));
        }
    }
    if end - pos > 1 {
        return Err(FormatError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if end - pos == 1 {
        s.ty = chars[pos];
    }
    if s.grouping != Grouping::None {
        match s.ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if s.grouping == Grouping::Underscore => {
                s.grouping = Grouping::UnderscoreFour;
            }
            t => {
                let sep = if s.grouping == Grouping::Comma {
                    ','
                } else {
                    '_'
                };
                return Err(FormatError::value(if (' '..='\u{7e}').contains(&t) {
                    format!("Cannot specify '{sep}' with '{t}'.")
                } else {
                    format!("Cannot specify '{sep}' with '\\x{:x}'.", t as u32)
                }));
            }
        }
    }
    Ok(s)
}

fn unknown_code(ty: char, type_name: &str) -> FormatError {
    FormatError::value(if (' '..'\u{7f}').contains(&ty) {
        format!("Unknown format code '{ty}' for object of type '{type_name}'")
    } else {
        format!(
            "Unknown format code '\\x{:x}' for object of type '{type_name}'",
            ty as u32
        )
    })
}

/// `format(value, spec)`.
pub fn format_value(obj: &dyn Object, spec: &str) -> Result<String, FormatError> {
    match obj.value() {
        Value::Str(s) => format_str(s, spec),
        Value::Int(i) => format_int(i, spec, "int"),
        Value::Bool(b) if spec.is_empty() => Ok(if b { "True" } else { "False" }.into()),
        Value::Bool(b) => format_int(b as i64, spec, "bool"),
        Value::Float(f) => format_float(f, spec),
        Value::Other(name) => {
            if spec.is_empty() {
                Ok(obj.to_str())
            } else {
                Err(unsupported(name))
            }
        }
    }
}

fn unsupported(type_name: &str) -> FormatError {
    FormatError::type_error(format!(
        "unsupported format string passed to {type_name}.__format__"
    ))
}

/// Checks what can be checked of `spec` for a value of kind `kind` without
/// the value: every error `format_value` could raise but the `%c` range.
pub fn check_spec(kind: Kind<'_>, spec: &str) -> Result<(), FormatError> {
    if spec.is_empty() {
        return Ok(());
    }
    match kind {
        Kind::Str => format_str("", spec).map(drop),
        Kind::Int => int_spec(spec, "int").map(drop),
        Kind::Bool => int_spec(spec, "bool").map(drop),
        Kind::Float => format_float(0.0, spec).map(drop),
        Kind::Other(name) => Err(unsupported(name)),
    }
}

fn format_str(s: &str, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let sp = parse(spec, "str", 's', '<')?;
    if sp.ty != 's' {
        return Err(unknown_code(sp.ty, "str"));
    }
    if let Some(sign) = sp.sign {
        return Err(FormatError::value(if sign == ' ' {
            "Space not allowed in string format specifier"
        } else {
            "Sign not allowed in string format specifier"
        }));
    }
    if sp.no_neg_0 {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if sp.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if sp.align == Some('=') {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let mut len = s.chars().count();
    let body: &str = match sp.precision {
        Some(p) if p < len => {
            len = p;
            match s.char_indices().nth(p) {
                Some((i, _)) => &s[..i],
                None => s,
            }
        }
        _ => s,
    };
    Ok(pad(body, len, sp.width, sp.align.unwrap_or('<'), sp.fill))
}

/// Pads `body` (`len` characters) to `width` by `align`.
pub(crate) fn pad(body: &str, len: usize, width: Option<usize>, align: char, fill: char) -> String {
    let total = width.unwrap_or(0).max(len);
    let n = total - len;
    let (left, right) = match align {
        '>' => (n, 0),
        '^' => (n / 2, n - n / 2),
        _ => (0, n),
    };
    let mut out = String::with_capacity(body.len() + n * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// Parses and validates an int spec (`type_name` is `int` or `bool`).
fn int_spec(spec: &str, type_name: &str) -> Result<Spec, FormatError> {
    let sp = parse(spec, type_name, 'd', '>')?;
    match sp.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return float_spec_checks(sp),
        t => return Err(unknown_code(t, type_name)),
    }
    if sp.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if sp.no_neg_0 {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if sp.ty == 'c' {
        if sp.sign.is_some() {
            return Err(FormatError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if sp.alternate {
            return Err(FormatError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
    }
    Ok(sp)
}

fn float_spec_checks(sp: Spec) -> Result<Spec, FormatError> {
    if sp.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    Ok(sp)
}

fn format_int(i: i64, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(i.to_string());
    }
    let sp = int_spec(spec, type_name)?;
    if matches!(sp.ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return Ok(float::format_float_spec(i as f64, &sp));
    }
    let neg = i < 0;
    let mag = i.unsigned_abs();
    let (digits, prefix) = match sp.ty {
        'c' => {
            if !(0..0x110000).contains(&i) {
                return Err(FormatError::overflow("%c arg not in range(0x110000)"));
            }
            let c = char::from_u32(i as u32)
                .ok_or_else(|| FormatError::value("surrogate code points are not supported"))?;
            // A character is formatted like a string: no sign, no grouping digits.
            let body = c.to_string();
            return Ok(render_number(
                &NumberParts {
                    sign: "",
                    prefix: "",
                    digits: "",
                    rest: &body,
                },
                &sp,
                Grouping::None,
            ));
        }
        'b' => (format!("{mag:b}"), "0b"),
        'o' => (format!("{mag:o}"), "0o"),
        'x' => (format!("{mag:x}"), "0x"),
        'X' => (format!("{mag:X}"), "0X"),
        _ => (mag.to_string(), ""),
    };
    let sign = sign_text(neg, sp.sign);
    let grouping = if sp.ty == 'n' {
        Grouping::None
    } else {
        sp.grouping
    };
    Ok(render_number(
        &NumberParts {
            sign,
            prefix: if sp.alternate { prefix } else { "" },
            digits: &digits,
            rest: "",
        },
        &sp,
        grouping,
    ))
}

pub(crate) fn sign_text(neg: bool, sign: Option<char>) -> &'static str {
    match (neg, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

fn format_float(f: f64, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(float::float_repr(f));
    }
    let sp = parse(spec, "float", '\0', '>')?;
    match sp.ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => {}
        t => return Err(unknown_code(t, "float")),
    }
    let sp = float_spec_checks(sp)?;
    Ok(float::format_float_spec(f, &sp))
}
