//! The `str` methods beyond the first contract's: searching with bounds
//! (`count`, `find`, `rfind`, `index`, `rindex`), `partition`,
//! `rpartition`, `splitlines`, padding (`zfill`, `ljust`, `rjust`,
//! `center`), and the Unicode-aware `title`, `capitalize`, `casefold` and
//! `isalnum` (and `upper` and `lower`, defined in [`crate::strobj`]), which
//! read CPython 3.11's own character database
//! ([`crate::unicode_db`]) so they agree with it character for character.
//!
//! Indices are code points, as in CPython; bounds follow its
//! `ADJUST_INDICES` (missing bounds are [`MISSING`]).

use std::ptr::null_mut;

use crate::MISSING;
use crate::error::{ExcKind, raise};
use crate::gcglue::{Roots, alloc_tuple, set_ref};
use crate::layout::TUPLE_ITEMS;
use crate::list::{list_append_word, try_new_list};
use crate::memory::{raise_memory_error, try_reserve_str};
use crate::strobj::{new_str, new_str_or_raise, str_as_str, str_char_len};
use crate::unicode_db::{ALNUM, CASE_IGNORABLE, CASED, FOLD, LOWER, TITLE, UPPER};

// ---- the character database ----

pub(crate) fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn mapped(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

fn is_cased(c: char) -> bool {
    in_ranges(CASED, c)
}

fn is_case_ignorable(c: char) -> bool {
    in_ranges(CASE_IGNORABLE, c)
}

fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3a3}' {
        out.push(if final_sigma(chars, i) {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
        return;
    }
    match mapped(LOWER, c) {
        Some(m) => out.push_str(m),
        None => out.push(c),
    }
}

/// CPython's `handle_capital_sigma`: a capital sigma after a cased letter
/// (case-ignorable characters skipped) and not before one is final.
fn final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    if !before.is_some_and(|&c| is_cased(c)) {
        return false;
    }
    let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
    !after.is_some_and(|&c| is_cased(c))
}

fn push_title(out: &mut String, c: char) {
    match mapped(TITLE, c).or_else(|| mapped(UPPER, c)) {
        Some(m) => out.push_str(m),
        None => out.push(c),
    }
}

pub(crate) fn title_text(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            push_lower(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

pub(crate) fn capitalize_text(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower(&mut out, &chars, i);
        }
    }
    out
}

/// `s.upper()` by CPython's full mappings (Rust's follow a newer Unicode).
pub(crate) fn upper_text(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match mapped(UPPER, c) {
            Some(m) => out.push_str(m),
            None => out.push(c),
        }
    }
    out
}

/// `s.lower()` by CPython's full mappings, final sigma included.
pub(crate) fn lower_text(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower(&mut out, &chars, i);
    }
    out
}

pub(crate) fn casefold_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match mapped(FOLD, c).or_else(|| mapped(LOWER, c)) {
            Some(m) => out.push_str(m),
            None => out.push(c),
        }
    }
    out
}

/// CPython's line boundaries for `splitlines`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `(start, end)` code-point bounds after CPython's `ADJUST_INDICES`
/// (`start` may exceed `len`).
fn adjust(start: i64, end: i64, len: usize) -> (i64, i64) {
    let len = len as i64;
    let fix = |i: i64| {
        if i < 0 { (i + len).max(0) } else { i }
    };
    let start = if start == MISSING { 0 } else { fix(start) };
    let end = if end == MISSING {
        len
    } else {
        fix(end).min(len)
    };
    (start, end)
}

/// The byte offset of code point `i` (at most the length) of `s`.
fn byte_at(s: &str, i: usize) -> usize {
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}

/// The code-point index of byte offset `b` of `s`.
fn char_at(s: &str, b: usize) -> usize {
    s[..b].chars().count()
}

// ---- the ABI ----

/// `s.count(sub, start, end)`.
///
/// # Safety
/// `s` and `sub` must be live `str`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_count(s: *mut u8, sub: *mut u8, start: i64, end: i64) -> i64 {
    // SAFETY: forwarded from the caller; nothing allocates.
    let (text, needle, len) = unsafe { (str_as_str(s), str_as_str(sub), str_char_len(s)) };
    let (start, end) = adjust(start, end, len);
    let sub_len = needle.chars().count() as i64;
    if end - start < sub_len {
        return 0;
    }
    if needle.is_empty() {
        return end - start + 1;
    }
    let (bs, be) = (byte_at(text, start as usize), byte_at(text, end as usize));
    text[bs..be].matches(needle).count() as i64
}

/// `s.find`/`rfind`/`index`/`rindex(sub, start, end)`: `mode` bit 0 searches
/// from the right, bit 1 raises ValueError "substring not found" instead of
/// giving -1.
///
/// # Safety
/// `s` and `sub` must be live `str`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_find_in(
    s: *mut u8,
    sub: *mut u8,
    start: i64,
    end: i64,
    mode: i64,
) -> i64 {
    // SAFETY: forwarded from the caller; nothing allocates before the search ends.
    let (text, needle, len) = unsafe { (str_as_str(s), str_as_str(sub), str_char_len(s)) };
    let (start, end) = adjust(start, end, len);
    let sub_len = needle.chars().count() as i64;
    let found = if end - start < sub_len {
        None
    } else {
        let (bs, be) = (byte_at(text, start as usize), byte_at(text, end as usize));
        let hay = &text[bs..be];
        let at = if mode & 1 != 0 {
            hay.rfind(needle)
        } else {
            hay.find(needle)
        };
        at.map(|b| start + char_at(hay, b) as i64)
    };
    match found {
        Some(i) => i,
        None if mode & 2 != 0 => {
            raise(ExcKind::ValueError, "substring not found");
            -1
        }
        None => -1,
    }
}

/// `s.partition(sep)` (or `rpartition` when `reverse`), a `(str, str, str)` tuple;
/// ValueError "empty separator".
///
/// # Safety
/// `s` and `sep` must be live `str`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_partition(s: *mut u8, sep: *mut u8, reverse: u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; the inputs are rooted and the parts
    // are copied out before anything allocates.
    unsafe {
        let roots = Roots::new();
        roots.push(s);
        roots.push(sep);
        let (text, needle) = (str_as_str(s), str_as_str(sep));
        if needle.is_empty() {
            raise(ExcKind::ValueError, "empty separator");
            return null_mut();
        }
        let at = if reverse != 0 {
            text.rfind(needle)
        } else {
            text.find(needle)
        };
        let parts: [String; 3] = match at {
            Some(b) => [
                text[..b].to_string(),
                needle.to_string(),
                text[b + needle.len()..].to_string(),
            ],
            None if reverse != 0 => [String::new(), String::new(), text.to_string()],
            None => [text.to_string(), String::new(), String::new()],
        };
        let t = roots.push(alloc_tuple(3, 0b111));
        for (i, p) in parts.iter().enumerate() {
            let part = new_str(p);
            set_ref(t, TUPLE_ITEMS + 8 * i, part as u64);
        }
        t
    }
}

/// `s.splitlines(keepends)`: a `list[str]`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_splitlines(s: *mut u8, keepends: u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; the lines are copied out before the
    // list and its strings are allocated, and the list is rooted meanwhile.
    unsafe {
        let text = str_as_str(s);
        let mut lines: Vec<String> = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            let brk = rest.char_indices().find(|&(_, c)| is_line_break(c));
            let (line_end, next) = match brk {
                None => (rest.len(), rest.len()),
                Some((b, c)) => {
                    let mut n = b + c.len_utf8();
                    if c == '\r' && rest[n..].starts_with('\n') {
                        n += 1;
                    }
                    (b, n)
                }
            };
            let end = if keepends != 0 { next } else { line_end };
            lines.push(rest[..end].to_string());
            rest = &rest[next..];
        }
        let roots = Roots::new();
        let Some(list) = try_new_list(true, lines.len()) else {
            raise_memory_error();
            return null_mut();
        };
        roots.push(list);
        for line in &lines {
            let l = new_str_or_raise(line);
            if l.is_null() {
                return l;
            }
            list_append_word(list, l as u64);
        }
        list
    }
}

/// `s.zfill(width)`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_zfill(s: *mut u8, width: i64) -> *mut u8 {
    // SAFETY: forwarded from the caller; the text is copied before allocating.
    unsafe {
        let len = str_char_len(s) as i64;
        if width <= len {
            return s;
        }
        let text = str_as_str(s);
        let zeros = (width - len) as usize;
        let mut out = String::new();
        if !try_reserve_str(&mut out, text.len().saturating_add(zeros)) {
            raise_memory_error();
            return null_mut();
        }
        let rest = match text.chars().next() {
            Some(c @ ('+' | '-')) => {
                out.push(c);
                &text[1..]
            }
            _ => text,
        };
        out.extend(std::iter::repeat_n('0', zeros));
        out.push_str(rest);
        new_str_or_raise(&out)
    }
}

/// `s.ljust`/`rjust`/`center(width, fillchar)`: `align` 0, 1 or 2; `fill`
/// null for a space; TypeError "The fill character must be exactly one
/// character long".
///
/// # Safety
/// `s` must be a live `str`, `fill` null or a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_pad(
    s: *mut u8,
    width: i64,
    fill: *mut u8,
    align: i64,
) -> *mut u8 {
    // SAFETY: forwarded from the caller; the text is copied before allocating.
    unsafe {
        let fill_char = if fill.is_null() {
            ' '
        } else {
            let f = str_as_str(fill);
            let mut it = f.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    raise(
                        ExcKind::TypeError,
                        "The fill character must be exactly one character long",
                    );
                    return null_mut();
                }
            }
        };
        let len = str_char_len(s) as i64;
        if width <= len {
            return s;
        }
        let marg = width - len;
        let left = match align {
            0 => 0,
            1 => marg,
            _ => marg / 2 + (marg & width & 1),
        };
        let text = str_as_str(s);
        let size = (marg as usize)
            .checked_mul(fill_char.len_utf8())
            .and_then(|n| n.checked_add(text.len()));
        let mut out = String::new();
        if !size.is_some_and(|n| try_reserve_str(&mut out, n)) {
            raise_memory_error();
            return null_mut();
        }
        out.extend(std::iter::repeat_n(fill_char, left as usize));
        out.push_str(text);
        out.extend(std::iter::repeat_n(fill_char, (marg - left) as usize));
        new_str_or_raise(&out)
    }
}

/// `s.title()`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_title(s: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; the result is built before allocating.
    new_str_or_raise(&title_text(unsafe { str_as_str(s) }))
}

/// `s.capitalize()`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_capitalize(s: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; the result is built before allocating.
    new_str_or_raise(&capitalize_text(unsafe { str_as_str(s) }))
}

/// `s.casefold()`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_casefold(s: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; the result is built before allocating.
    new_str_or_raise(&casefold_text(unsafe { str_as_str(s) }))
}

/// `s.isalnum()`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_isalnum(s: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller.
    let text = unsafe { str_as_str(s) };
    (!text.is_empty() && text.chars().all(|c| in_ranges(ALNUM, c))) as u8
}
