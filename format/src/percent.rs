//! `fmt % args`: printf-style formatting as CPython's `PyUnicode_Format`
//! does it — flags `-+ #0`, widths and precisions (`*` too), the `h l L`
//! modifiers it ignores, the conversions `s r a c d i u o x X e E f F g G`,
//! and its errors, raised in the order it raises them.
//!
//! Mapping keys (`%(name)s`) are not supported: the checker refuses them,
//! and the runtime never passes a mapping here.

use crate::float::{Flags, double_to_string};
use crate::{FormatError, Object, Value, ascii_of_repr};

/// The argument kinds the checker knows, for [`check_percent`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentArgKind<'a> {
    Int,
    Float,
    Bool,
    Str,
    /// Any other type, by its CPython type name.
    Other(&'a str),
}

/// A stand-in value of a known kind, for checking a literal format before run time.
struct Dummy<'a>(PercentArgKind<'a>);

impl Object for Dummy<'_> {
    fn value(&self) -> Value<'_> {
        match self.0 {
            PercentArgKind::Int => Value::Int(0),
            PercentArgKind::Float => Value::Float(0.0),
            PercentArgKind::Bool => Value::Bool(false),
            PercentArgKind::Str => Value::Str("x"),
            PercentArgKind::Other(name) => Value::Other(name),
        }
    }
    fn to_str(&self) -> String {
        String::new()
    }
    fn to_repr(&self) -> String {
        String::new()
    }
}

/// Checks `fmt % args` for arguments of the given kinds (`is_tuple`: the
/// right operand is a tuple of them, else the one value): every error but
/// those that depend on the values (`%c` of an int out of range or of a
/// string longer than one character, `%d` of a float nan or infinity).
pub fn check_percent(
    fmt: &str,
    kinds: &[PercentArgKind<'_>],
    is_tuple: bool,
) -> Result<(), FormatError> {
    let dummies: Vec<Dummy<'_>> = kinds.iter().map(|&k| Dummy(k)).collect();
    let objs: Vec<&dyn Object> = dummies.iter().map(|d| d as &dyn Object).collect();
    percent_format(fmt, &objs, is_tuple).map(drop)
}

/// Whether `fmt` uses mapping keys (`%(name)s`), which Seam does not support.
pub fn uses_mapping_keys(fmt: &str) -> bool {
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c == '%' {
            match chars.next() {
                Some('(') => return true,
                _ => continue,
            }
        }
    }
    false
}

struct Args<'a, 'b> {
    args: &'a [&'b dyn Object],
    /// CPython's `argidx`/`arglen`: a single value is "length -1".
    idx: isize,
    len: isize,
}

impl<'a, 'b> Args<'a, 'b> {
    fn next(&mut self) -> Result<&'a dyn Object, FormatError> {
        if self.idx < self.len {
            let i = self.idx;
            self.idx += 1;
            Ok(if self.len < 0 {
                self.args[0]
            } else {
                self.args[i as usize]
            })
        } else {
            Err(FormatError::type_error(
                "not enough arguments for format string",
            ))
        }
    }
}

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

fn type_name<'o>(v: &Value<'o>) -> &'o str {
    match v {
        Value::Int(_) => "int",
        Value::Float(_) => "float",
        Value::Bool(_) => "bool",
        Value::Str(_) => "str",
        Value::Other(n) => n,
    }
}

/// `fmt % args`. With `is_tuple`, `args` are a tuple's elements; otherwise
/// `args` holds exactly the one value on the right.
pub fn percent_format(
    fmt: &str,
    args: &[&dyn Object],
    is_tuple: bool,
) -> Result<String, FormatError> {
    let mut a = Args {
        args,
        idx: if is_tuple { 0 } else { -2 },
        len: if is_tuple { args.len() as isize } else { -1 },
    };
    // CPython treats any mapping (here: a list or dict) as a mapping
    // argument, which silences "not all arguments converted".
    let is_mapping = !is_tuple
        && matches!(
            args.first().map(|o| o.value()),
            Some(Value::Other("dict" | "list"))
        );
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        pos += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.get(pos) == Some(&'%') {
            out.push('%');
            pos += 1;
            continue;
        }
        if chars.get(pos) == Some(&'(') {
            return Err(if is_mapping {
                FormatError::type_error("mapping keys in %-format are not supported")
            } else {
                FormatError::type_error("format requires a mapping")
            });
        }
        let incomplete = || FormatError::value("incomplete format");
        let mut ch = '\0';
        let mut eof = false;
        let next = |pos: &mut usize, ch: &mut char, eof: &mut bool| {
            if *pos < chars.len() {
                *ch = chars[*pos];
                *pos += 1;
            } else {
                *eof = true;
            }
        };
        let mut flags = 0u8;
        loop {
            next(&mut pos, &mut ch, &mut eof);
            if eof {
                break;
            }
            match ch {
                '-' => flags |= F_LJUST,
                '+' => flags |= F_SIGN,
                ' ' => flags |= F_BLANK,
                '#' => flags |= F_ALT,
                '0' => flags |= F_ZERO,
                _ => break,
            }
        }
        let mut width: Option<usize> = None;
        if !eof && ch == '*' {
            let v = a.next()?;
            let w = match v.value() {
                Value::Int(i) => i,
                Value::Bool(b) => b as i64,
                _ => return Err(FormatError::type_error("* wants int")),
            };
            if w < 0 {
                flags |= F_LJUST;
            }
            width = Some(w.unsigned_abs() as usize);
            next(&mut pos, &mut ch, &mut eof);
        } else if !eof && ch.is_ascii_digit() {
            let mut w = ch as usize - '0' as usize;
            loop {
                next(&mut pos, &mut ch, &mut eof);
                if eof || !ch.is_ascii_digit() {
                    break;
                }
                let d = ch as usize - '0' as usize;
                if w > (isize::MAX as usize - d) / 10 {
                    return Err(FormatError::value("width too big"));
                }
                w = w * 10 + d;
            }
            width = Some(w);
        }
        let mut prec: Option<usize> = None;
        if !eof && ch == '.' {
            prec = Some(0);
            next(&mut pos, &mut ch, &mut eof);
            if !eof && ch == '*' {
                let v = a.next()?;
                let p = match v.value() {
                    Value::Int(i) => i,
                    Value::Bool(b) => b as i64,
                    _ => return Err(FormatError::type_error("* wants int")),
                };
                prec = Some(p.clamp(0, i32::MAX as i64) as usize);
                next(&mut pos, &mut ch, &mut eof);
            } else if !eof && ch.is_ascii_digit() {
                let mut p = ch as usize - '0' as usize;
                loop {
                    next(&mut pos, &mut ch, &mut eof);
                    if eof || !ch.is_ascii_digit() {
                        break;
                    }
                    let d = ch as usize - '0' as usize;
                    if p > (i32::MAX as usize - d) / 10 {
                        return Err(FormatError::value("precision too big"));
                    }
                    p = p * 10 + d;
                }
                prec = Some(p);
            }
        }
        if !eof && matches!(ch, 'h' | 'l' | 'L') {
            next(&mut pos, &mut ch, &mut eof);
        }
        if eof {
            return Err(incomplete());
        }
        let v = a.next()?;
        let conv = Conversion { ch, flags, width };
        match ch {
            's' | 'r' | 'a' => {
                let text = match (ch, v.value()) {
                    ('s', Value::Str(s)) => s.to_string(),
                    ('s', Value::Int(i)) => i.to_string(),
                    ('s', _) => v.to_str(),
                    ('r', _) => v.to_repr(),
                    _ => ascii_of_repr(&v.to_repr()),
                };
                let text = match prec {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                output(&mut out, &text, &conv, false);
            }
            'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
                let val = v.value();
                let i = match val {
                    Value::Int(i) => i,
                    Value::Bool(b) => b as i64,
                    Value::Float(f) if !matches!(ch, 'o' | 'x' | 'X') => {
                        if f.is_nan() {
                            return Err(FormatError::value("cannot convert float NaN to integer"));
                        }
                        if f.is_infinite() {
                            return Err(FormatError::overflow(
                                "cannot convert float infinity to integer",
                            ));
                        }
                        let t = f.trunc();
                        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&t) {
                            // The runtime's one message for integers past 64 bits
                            // (`OVERFLOW_MESSAGE` in `runtime/src/ints.rs`).
                            return Err(FormatError::overflow(
                                "integer overflow: result does not fit in 64 bits",
                            ));
                        }
                        t as i64
                    }
                    _ => {
                        let what = if matches!(ch, 'o' | 'x' | 'X') {
                            "an integer"
                        } else {
                            "a real number"
                        };
                        return Err(FormatError::type_error(format!(
                            "%{ch} format: {what} is required, not {}",
                            type_name(&val)
                        )));
                    }
                };
                let text = format_long(i, flags & F_ALT != 0, prec, ch);
                output(&mut out, &text, &conv, true);
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let val = v.value();
                let f = match val {
                    Value::Int(i) => i as f64,
                    Value::Bool(b) => b as i64 as f64,
                    Value::Float(f) => f,
                    _ => {
                        return Err(FormatError::type_error(format!(
                            "must be real number, not {}",
                            type_name(&val)
                        )));
                    }
                };
                let (neg, body) = double_to_string(
                    f,
                    ch,
                    prec.unwrap_or(6),
                    Flags {
                        alt: flags & F_ALT != 0,
                        ..Flags::default()
                    },
                );
                let text = if neg { format!("-{body}") } else { body };
                output(&mut out, &text, &conv, true);
            }
            'c' => {
                let c = match v.value() {
                    Value::Str(s) if s.chars().count() == 1 => s.chars().next().unwrap_or(' '),
                    Value::Int(_) | Value::Bool(_) => {
                        let i = match v.value() {
                            Value::Int(i) => i,
                            Value::Bool(b) => b as i64,
                            _ => 0,
                        };
                        if !(0..0x110000).contains(&i) {
                            return Err(FormatError::overflow("%c arg not in range(0x110000)"));
                        }
                        char::from_u32(i as u32).ok_or_else(|| {
                            FormatError::value("surrogate code points are not supported")
                        })?
                    }
                    _ => return Err(FormatError::type_error("%c requires int or char")),
                };
                output(&mut out, &c.to_string(), &conv, false);
            }
            _ => {
                let shown = if (' '..='~').contains(&ch) { ch } else { '?' };
                return Err(FormatError::value(format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {}",
                    ch as u32,
                    pos - 1
                )));
            }
        }
    }
    if a.idx < a.len && !is_mapping {
        return Err(FormatError::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

struct Conversion {
    ch: char,
    flags: u8,
    width: Option<usize>,
}

/// `_PyUnicode_FormatLong`: sign, `0x`/`0o` prefix when `alt`, and the
/// digits zero-padded to `prec`.
fn format_long(i: i64, alt: bool, prec: Option<usize>, ch: char) -> String {
    let mag = i.unsigned_abs();
    let (digits, prefix) = match ch {
        'o' => (format!("{mag:o}"), "0o"),
        'x' => (format!("{mag:x}"), "0x"),
        'X' => (format!("{mag:X}"), "0X"),
        _ => (mag.to_string(), ""),
    };
    let mut out = String::new();
    if i < 0 {
        out.push('-');
    }
    if alt {
        out.push_str(prefix);
    }
    if let Some(p) = prec {
        out.extend(std::iter::repeat_n('0', p.saturating_sub(digits.len())));
    }
    out.push_str(&digits);
    out
}

/// CPython's `unicode_format_arg_output`: the sign and `0x` prefix before
/// zero padding, spaces around everything else.
fn output(out: &mut String, text: &str, c: &Conversion, numeric: bool) {
    let fill = if numeric && c.flags & F_ZERO != 0 {
        '0'
    } else {
        ' '
    };
    let mut body = text;
    let mut sign: Option<char> = None;
    if numeric {
        match body.chars().next() {
            Some(s @ ('-' | '+')) => {
                sign = Some(s);
                body = &body[1..];
            }
            _ if c.flags & F_SIGN != 0 => sign = Some('+'),
            _ if c.flags & F_BLANK != 0 => sign = Some(' '),
            _ => {}
        }
    }
    let mut len = body.chars().count() + sign.is_some() as usize;
    let mut width = c.width.unwrap_or(0).max(len);
    if let Some(s) = sign {
        if fill != ' ' {
            out.push(s);
        }
        width -= 1;
        len -= 1;
    }
    let prefix = c.flags & F_ALT != 0 && matches!(c.ch, 'x' | 'X' | 'o');
    if prefix {
        if fill != ' ' {
            out.push_str(&body[..2]);
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    let pad_left = c.flags & F_LJUST == 0 && width > len;
    if pad_left {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign {
            out.push(s);
        }
        if prefix {
            out.push_str(&body[..2]);
        }
    }
    out.push_str(if prefix { &body[2..] } else { body });
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
}
