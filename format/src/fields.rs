//! The replacement fields of `str.format`: `{}`, `{0}`, `{name}`, `!r`,
//! `:spec` with nested fields, `{{` and `}}`, parsed as CPython's
//! `Objects/stringlib/unicode_format.h` parses them, with its errors.
//!
//! The checker parses a literal format string once and lowers each field to
//! a `format()` of the argument it names; nothing here runs at run time.

use crate::FormatError;

/// Which argument a field names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgRef {
    /// A positional argument (explicit, or numbered automatically).
    Index(usize),
    /// A keyword argument.
    Name(String),
}

/// One replacement field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub arg: ArgRef,
    /// Attribute and index accesses after the argument (`.x`, `[0]`), as
    /// written; empty when there are none.
    pub access: String,
    /// `r`, `s` or `a`.
    pub conversion: Option<char>,
    /// The format spec: literal text and nested fields.
    pub spec: Vec<FieldPiece>,
}

/// A piece of a format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldPiece {
    Literal(String),
    Field(Field),
}

#[derive(PartialEq)]
enum Numbering {
    Unknown,
    Auto,
    Manual,
}

struct Parser {
    numbering: Numbering,
    next: usize,
}

/// Parses a `str.format` format string.
pub fn parse_fields(fmt: &str) -> Result<Vec<FieldPiece>, FormatError> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut p = Parser {
        numbering: Numbering::Unknown,
        next: 0,
    };
    p.pieces(&chars, 2)
}

impl Parser {
    fn pieces(&mut self, s: &[char], depth: u32) -> Result<Vec<FieldPiece>, FormatError> {
        if depth == 0 {
            return Err(FormatError::value("Max string recursion exceeded"));
        }
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < s.len() {
            // Literal text up to a brace.
            let start = pos;
            let mut c = '\0';
            let mut markup = false;
            while pos < s.len() {
                c = s[pos];
                pos += 1;
                if c == '{' || c == '}' {
                    markup = true;
                    break;
                }
            }
            let at_end = pos >= s.len();
            let mut len = pos - start;
            if c == '}' && markup && (at_end || s[pos] != '}') {
                return Err(FormatError::value(
                    "Single '}' encountered in format string",
                ));
            }
            if at_end && c == '{' && markup {
                return Err(FormatError::value(
                    "Single '{' encountered in format string",
                ));
            }
            if markup {
                if s[pos] == c {
                    pos += 1;
                    markup = false;
                } else {
                    len -= 1;
                }
            }
            let lit: String = s[start..start + len].iter().collect();
            if !lit.is_empty() {
                out.push(FieldPiece::Literal(lit));
            }
            if !markup {
                continue;
            }
            // A field: up to the matching '}'.
            let fstart = pos;
            let mut count = 1;
            let mut end = None;
            while pos < s.len() {
                let c = s[pos];
                pos += 1;
                match c {
                    '{' => count += 1,
                    '}' => {
                        count -= 1;
                        if count == 0 {
                            end = Some(pos - 1);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let Some(end) = end else {
                return Err(FormatError::value("expected '}' before end of string"));
            };
            out.push(FieldPiece::Field(self.field(&s[fstart..end], depth)?));
        }
        Ok(out)
    }

    fn field(&mut self, s: &[char], depth: u32) -> Result<Field, FormatError> {
        let mut pos = 0;
        let mut c = '\0';
        while pos < s.len() {
            c = s[pos];
            pos += 1;
            match c {
                '{' => return Err(FormatError::value("unexpected '{' in field name")),
                '[' => {
                    while pos < s.len() && s[pos] != ']' {
                        pos += 1;
                    }
                    c = '\0';
                }
                '}' | ':' | '!' => break,
                _ => c = '\0',
            }
        }
        let (name_end, mut conversion, mut spec_start) = if c == '!' || c == ':' {
            (pos - 1, None, pos)
        } else {
            (pos, None, s.len())
        };
        if c == '!' {
            if pos >= s.len() {
                return Err(FormatError::value(
                    "end of string while looking for conversion specifier",
                ));
            }
            conversion = Some(s[pos]);
            pos += 1;
            spec_start = s.len();
            if pos < s.len() {
                let c = s[pos];
                pos += 1;
                if c != ':' {
                    return Err(FormatError::value(
                        "expected ':' after conversion specifier",
                    ));
                }
                spec_start = pos;
            }
        }
        let name = &s[..name_end];
        let first_end = name
            .iter()
            .position(|&c| c == '.' || c == '[')
            .unwrap_or(name.len());
        let first: String = name[..first_end].iter().collect();
        let access: String = name[first_end..].iter().collect();
        let arg = if first.is_empty() {
            if self.numbering == Numbering::Manual {
                return Err(FormatError::value(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            self.numbering = Numbering::Auto;
            self.next += 1;
            ArgRef::Index(self.next - 1)
        } else if first.chars().all(|c| c.is_ascii_digit()) {
            if self.numbering == Numbering::Auto {
                return Err(FormatError::value(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.numbering = Numbering::Manual;
            ArgRef::Index(
                first
                    .parse()
                    .map_err(|_| FormatError::value("Too many decimal digits in format string"))?,
            )
        } else {
            ArgRef::Name(first)
        };
        if let Some(conv) = conversion
            && !matches!(conv, 'r' | 's' | 'a')
        {
            return Err(FormatError::value(if (' '..='~').contains(&conv) {
                format!("Unknown conversion specifier {conv}")
            } else {
                format!("Unknown conversion specifier \\x{:x}", conv as u32)
            }));
        }
        let spec_chars = &s[spec_start.min(s.len())..];
        let spec = if spec_chars.contains(&'{') {
            self.pieces(spec_chars, depth - 1)?
        } else if spec_chars.is_empty() {
            Vec::new()
        } else {
            vec![FieldPiece::Literal(spec_chars.iter().collect())]
        };
        Ok(Field {
            arg,
            access,
            conversion,
            spec,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> FieldPiece {
        FieldPiece::Literal(s.into())
    }

    fn field(arg: ArgRef, conversion: Option<char>, spec: Vec<FieldPiece>) -> FieldPiece {
        FieldPiece::Field(Field {
            arg,
            access: String::new(),
            conversion,
            spec,
        })
    }

    #[test]
    fn fields_are_numbered_outer_first() {
        assert_eq!(
            parse_fields("a{:{}}b{!r}").unwrap(),
            [
                lit("a"),
                field(
                    ArgRef::Index(0),
                    None,
                    vec![field(ArgRef::Index(1), None, vec![])]
                ),
                lit("b"),
                field(ArgRef::Index(2), Some('r'), vec![]),
            ]
        );
    }

    #[test]
    fn braces_escape_and_names_and_access_are_kept() {
        let p = parse_fields("{{{name:>4}}}{0.x}");
        assert!(p.is_ok(), "{p:?}");
        let p = p.unwrap();
        assert_eq!(p[0], lit("{"));
        assert_eq!(
            p[1],
            field(ArgRef::Name("name".into()), None, vec![lit(">4")])
        );
        assert_eq!(p[2], lit("}"));
        let FieldPiece::Field(f) = &p[3] else {
            panic!("a field")
        };
        assert_eq!((f.arg.clone(), f.access.as_str()), (ArgRef::Index(0), ".x"));
    }

    #[test]
    fn errors_are_cpythons() {
        let err = |s: &str| parse_fields(s).unwrap_err().message;
        assert_eq!(err("}"), "Single '}' encountered in format string");
        assert_eq!(err("{"), "Single '{' encountered in format string");
        assert_eq!(err("{0"), "expected '}' before end of string");
        assert_eq!(err("{!x}"), "Unknown conversion specifier x");
        assert_eq!(err("{!r x}"), "expected ':' after conversion specifier");
        assert_eq!(err("{:{:{}}}"), "Max string recursion exceeded");
        assert_eq!(
            err("{0}{}"),
            "cannot switch from manual field specification to automatic field numbering"
        );
    }
}
