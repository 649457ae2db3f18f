//! `format()` and `%`-formatting against what CPython 3.11 printed for the
//! same values and specs, recorded in `cases.txt` by `gen_cases.py`
//! (hand-picked specs for every kind of value, and random ones).

use seam_format::{FormatError, Object, Value, format_value, percent_format};

struct TestValue {
    kind: String,
    text: String,
    str: String,
    repr: String,
}

impl Object for TestValue {
    fn value(&self) -> Value<'_> {
        match self.kind.as_str() {
            "int" => Value::Int(self.text.parse().expect("int case")),
            "float" => Value::Float(parse_hex_float(&self.text)),
            "bool" => Value::Bool(self.text == "True"),
            "str" => Value::Str(&self.text),
            _ => Value::Other(&self.text),
        }
    }
    fn to_str(&self) -> String {
        self.str.clone()
    }
    fn to_repr(&self) -> String {
        self.repr.clone()
    }
}

/// Parses Python's `float.hex()` output (`0x1.8000000000000p+0`, `inf`, `-0x0.0p+0`).
fn parse_hex_float(s: &str) -> f64 {
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let v = match s {
        "inf" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            let s = s.strip_prefix("0x").expect("hex float");
            let (mant, exp) = s.split_once('p').expect("exponent");
            let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
            let mut m = u64::from_str_radix(int, 16).expect("int part") as f64;
            let mut scale = 1.0 / 16.0;
            for d in frac.chars() {
                m += d.to_digit(16).expect("hex digit") as f64 * scale;
                scale /= 16.0;
            }
            let e: i32 = exp.parse().expect("exp");
            m * 2f64.powi(e.max(-1022)) * 2f64.powi((e + 1022).min(0))
        }
    };
    if neg { -v } else { v }
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(c) => out.push(c),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn value(field: &str) -> TestValue {
    let (kind, rest) = field.split_once(':').expect("typed value");
    if kind == "other" {
        let mut parts = rest.splitn(3, ':');
        let name = parts.next().unwrap_or_default().to_string();
        let str = parts.next().unwrap_or_default().to_string();
        // The repr is the rest; a str() containing ':' does not occur in the cases.
        let repr = parts.next().unwrap_or_default().to_string();
        return TestValue {
            kind: kind.into(),
            text: name,
            str,
            repr,
        };
    }
    let text = rest.to_string();
    let (str, repr) = match kind {
        "str" => (text.clone(), format!("'{text}'")),
        "float" => {
            let f = parse_hex_float(&text);
            (seam_format::float_repr(f), seam_format::float_repr(f))
        }
        _ => (text.clone(), text.clone()),
    };
    TestValue {
        kind: kind.into(),
        text,
        str,
        repr,
    }
}

fn show(r: Result<String, FormatError>) -> String {
    match r {
        Ok(s) => s,
        Err(e) => format!("!{:?}: {}", e.class, e.message),
    }
}

#[test]
fn agrees_with_cpython() {
    let cases = include_str!("cases.txt");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in cases.lines() {
        let fields: Vec<String> = line.split('\t').map(unescape).collect();
        n += 1;
        match fields[0].as_str() {
            "F" => {
                let v = value(&fields[1]);
                let got = show(format_value(&v, &fields[2]));
                if got != fields[3] {
                    failures.push(format!(
                        "format({}, {:?}): got {got:?}, CPython {:?}",
                        fields[1], fields[2], fields[3]
                    ));
                }
            }
            "P" => {
                let bar = fields.iter().position(|f| f == "|").expect("separator");
                let vals: Vec<TestValue> = fields[3..bar].iter().map(|f| value(f)).collect();
                let objs: Vec<&dyn Object> = vals.iter().map(|v| v as &dyn Object).collect();
                let got = show(percent_format(&fields[1], &objs, fields[2] == "1"));
                if got != fields[bar + 1] {
                    failures.push(format!(
                        "{:?} % {:?}: got {got:?}, CPython {:?}",
                        fields[1],
                        &fields[3..bar],
                        fields[bar + 1]
                    ));
                }
            }
            k => panic!("unknown case kind {k}"),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} cases differ from CPython:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
