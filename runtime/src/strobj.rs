//! The `str` object: creation, access, and the `str` functions of the ABI.
//!
//! A `str` holds UTF-8 bytes inline after its byte length, code-point length
//! and cached hash (see [`crate::layout`]); when the two lengths agree the
//! text is ASCII and indexing is O(1), otherwise indexing scans. One-character
//! ASCII strings and the empty string are cached (static roots), so iterating
//! over ASCII text allocates nothing.
//!
//! Helpers compute on borrowed bytes first and allocate last; where they must
//! allocate while holding an argument they root it (see [`Roots`]).

use crate::error::{Exc, ExcKind, raise};
use crate::fatal::fatal;
use crate::gcglue::{Roots, alloc_str, set_word, try_alloc_str, word};
use crate::layout::{STR_BYTE_LEN, STR_BYTES, STR_CHAR_LEN, STR_HASH};
use crate::list::{list_append_word, slice_indices, try_new_list};
use crate::memory::{or_raise, raise_memory_error, try_reserve_str};
use crate::strmethods::in_ranges;
use crate::unicode_db;
use std::ptr::null_mut;

/// Cached one-character ASCII strings (0..128) and the empty string (128).
static mut CACHE: [*mut u8; 129] = [null_mut(); 129];
static mut CACHE_ROOTED: bool = false;

/// Registers the cache slots as static roots (once).
pub(crate) fn init_cache() {
    // SAFETY: single-threaded initialisation of the runtime's statics; the
    // slots are statics that live for the whole process and hold null or a str.
    unsafe {
        if CACHE_ROOTED {
            return;
        }
        CACHE_ROOTED = true;
        let base: *mut *mut u8 = (&raw mut CACHE).cast();
        for i in 0..129 {
            seam_gc::add_root(base.add(i));
        }
    }
}

/// The cached `str` of one ASCII byte (`b < 128`), or the empty string (`b == 128`).
fn cached(b: u8) -> *mut u8 {
    let i = b as usize;
    // SAFETY: single-threaded access; the slot is a static root once `init` ran.
    unsafe {
        let s = CACHE[i];
        if !s.is_null() {
            return s;
        }
        let s = if i == 128 {
            alloc_str(0, 0)
        } else {
            alloc_str(1, 1)
        };
        if i < 128 {
            *s.add(STR_BYTES) = b;
        }
        CACHE[i] = s;
        s
    }
}

/// The empty `str`.
pub(crate) fn empty_str() -> *mut u8 {
    cached(128)
}

/// The bytes of a `str`.
///
/// # Safety
/// `s` must be a live `str`, and stay live (rooted) while the slice is used.
pub(crate) unsafe fn str_bytes<'a>(s: *mut u8) -> &'a [u8] {
    // SAFETY: a str holds `byte_len` bytes at STR_BYTES.
    unsafe { std::slice::from_raw_parts(s.add(STR_BYTES), word(s, STR_BYTE_LEN) as usize) }
}

/// The text of a `str`.
///
/// # Safety
/// As for [`str_bytes`].
pub(crate) unsafe fn str_as_str<'a>(s: *mut u8) -> &'a str {
    // SAFETY: every str object holds valid UTF-8 (all constructors ensure it).
    unsafe { std::str::from_utf8_unchecked(str_bytes(s)) }
}

/// The length in code points.
///
/// # Safety
/// `s` must be a live `str`.
pub(crate) unsafe fn str_char_len(s: *mut u8) -> usize {
    // SAFETY: forwarded from the caller.
    unsafe { word(s, STR_CHAR_LEN) as usize }
}

/// Whether the text is ASCII (code-point length equals byte length).
///
/// # Safety
/// `s` must be a live `str`.
unsafe fn is_ascii(s: *mut u8) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe { word(s, STR_CHAR_LEN) == word(s, STR_BYTE_LEN) }
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xc0) != 0x80).count()
}

/// A new `str` holding `text` (which must not point into an unrooted GC
/// object); a failure to allocate it ends the program (see [`crate::memory`]).
pub(crate) fn new_str(text: &str) -> *mut u8 {
    crate::gcglue::nonnull_or_out_of_memory(try_new_str(text))
}

/// As [`new_str`], or `None` when the memory cannot be had.
pub(crate) fn try_new_str(text: &str) -> Option<*mut u8> {
    let bytes = text.as_bytes();
    match bytes.len() {
        0 => return Some(empty_str()),
        1 => return Some(cached(bytes[0])),
        _ => {}
    }
    let s = try_alloc_str(bytes.len(), count_chars(bytes))?;
    // SAFETY: `s` has room for the bytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), s.add(STR_BYTES), bytes.len()) };
    Some(s)
}

/// As [`new_str`], but raises `MemoryError` and returns null when the memory
/// cannot be had (for the ABI functions marked `raises`).
pub(crate) fn new_str_or_raise(text: &str) -> *mut u8 {
    or_raise(try_new_str(text))
}

/// A new `str` of bytes `start..end` (on character boundaries) of `s`, with
/// `chars` code points; null after raising `MemoryError` when the memory
/// cannot be had.
///
/// # Safety
/// `s` must be a live `str` and the range must lie on its character boundaries.
unsafe fn substr(s: *mut u8, start: usize, end: usize, chars: usize) -> *mut u8 {
    // SAFETY: forwarded from the caller; `s` is rooted across the allocation.
    unsafe {
        let n = end - start;
        if n == 0 {
            return empty_str();
        }
        if n == 1 {
            return cached(*s.add(STR_BYTES + start));
        }
        if start == 0 && n == word(s, STR_BYTE_LEN) as usize {
            return s;
        }
        let roots = Roots::new();
        roots.push(s);
        let Some(out) = try_alloc_str(n, chars) else {
            raise_memory_error();
            return null_mut();
        };
        std::ptr::copy_nonoverlapping(s.add(STR_BYTES + start), out.add(STR_BYTES), n);
        out
    }
}

/// The byte offset of code point `index` (`index <= char_len`).
///
/// # Safety
/// `s` must be a live `str`.
unsafe fn byte_offset(s: *mut u8, index: usize) -> usize {
    // SAFETY: forwarded from the caller.
    unsafe {
        if is_ascii(s) {
            return index;
        }
        let text = str_as_str(s);
        text.char_indices()
            .nth(index)
            .map_or(text.len(), |(i, _)| i)
    }
}

/// The cached hash of a `str` (63 bits, never 0), computing it on first use.
///
/// # Safety
/// `s` must be a live `str`.
pub(crate) unsafe fn str_hash(s: *mut u8) -> u64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let h = word(s, STR_HASH);
        if h != 0 {
            return h;
        }
        // Keyed, nonzero and 63 bits: see `crate::hashkey`.
        let h = crate::hashkey::str_hash(str_bytes(s));
        set_word(s, STR_HASH, h);
        h
    }
}

/// Whether two `str`s hold the same text.
///
/// # Safety
/// Both must be live `str`s.
pub(crate) unsafe fn str_equal(a: *mut u8, b: *mut u8) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe { a == b || str_bytes(a) == str_bytes(b) }
}

/// Python's `str.isspace` for one character: Unicode White_Space plus the
/// four ASCII information separators CPython also counts.
pub(crate) fn py_isspace(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r' | '\x1c'..='\x1f');
    }
    in_ranges(unicode_db::SPACE, c)
}

// ---- the ABI ----

/// A new `str` from `len` bytes of UTF-8 at `bytes` (invalid sequences become U+FFFD).
///
/// # Safety
/// `bytes` must point to `len` readable bytes that are not inside a GC object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_from_utf8(bytes: *const u8, len: i64) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    let raw = unsafe { std::slice::from_raw_parts(bytes, len.max(0) as usize) };
    new_str(&String::from_utf8_lossy(raw))
}

/// `a + b`.
///
/// # Safety
/// Both must be live `str`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_concat(a: *mut u8, b: *mut u8) -> *mut u8 {
    // SAFETY: both are live strs, rooted across the allocation.
    unsafe {
        let (na, nb) = (str_bytes(a).len(), str_bytes(b).len());
        if nb == 0 {
            return a;
        }
        if na == 0 {
            return b;
        }
        let roots = Roots::new();
        roots.push(a);
        roots.push(b);
        let Some(out) = try_alloc_str(na + nb, str_char_len(a) + str_char_len(b)) else {
            raise_memory_error();
            return null_mut();
        };
        std::ptr::copy_nonoverlapping(a.add(STR_BYTES), out.add(STR_BYTES), na);
        std::ptr::copy_nonoverlapping(b.add(STR_BYTES), out.add(STR_BYTES + na), nb);
        out
    }
}

/// `s * n` (n <= 0 gives ""); OverflowError past `isize::MAX` bytes, else
/// MemoryError when the memory cannot be had (as CPython).
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_repeat(s: *mut u8, n: i64) -> *mut u8 {
    // SAFETY: `s` is a live str, rooted across the allocation.
    unsafe {
        let len = str_bytes(s).len();
        if n <= 0 || len == 0 {
            return empty_str();
        }
        if n == 1 {
            return s;
        }
        let total = match len.checked_mul(n as usize) {
            Some(t) if t <= isize::MAX as usize => t,
            _ => {
                raise(ExcKind::OverflowError, "repeated string is too long");
                return null_mut();
            }
        };
        let roots = Roots::new();
        roots.push(s);
        let Some(out) = try_alloc_str(total, str_char_len(s) * n as usize) else {
            raise_memory_error();
            return null_mut();
        };
        // One copy of `s`, then the filled prefix doubles: O(log n) copies.
        let dst = out.add(STR_BYTES);
        std::ptr::copy_nonoverlapping(s.add(STR_BYTES), dst, len);
        let mut filled = len;
        while filled < total {
            let n = filled.min(total - filled);
            std::ptr::copy_nonoverlapping(dst, dst.add(filled), n);
            filled += n;
        }
        out
    }
}

/// `s[i]` by code point, negative from the end.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_getitem(s: *mut u8, i: i64) -> *mut u8 {
    // SAFETY: `s` is a live str.
    unsafe {
        let n = str_char_len(s) as i64;
        let i = if i < 0 { i + n } else { i };
        if i < 0 || i >= n {
            raise(ExcKind::IndexError, "string index out of range");
            return null_mut();
        }
        if is_ascii(s) {
            return cached(*s.add(STR_BYTES + i as usize));
        }
        let start = byte_offset(s, i as usize);
        let c = str_as_str(s)[start..].chars().next().unwrap_or(' ');
        substr(s, start, start + c.len_utf8(), 1)
    }
}

/// `s[start:stop:step]`, each bound `MISSING` when absent.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_slice(s: *mut u8, start: i64, stop: i64, step: i64) -> *mut u8 {
    // SAFETY: `s` is a live str; text is copied out before allocating.
    unsafe {
        let (start, step, count) = match slice_indices(str_char_len(s) as i64, start, stop, step) {
            Ok(bounds) => bounds,
            Err(e) => {
                e.raise();
                return null_mut();
            }
        };
        if count == 0 {
            return empty_str();
        }
        if step == 1 {
            let from = byte_offset(s, start as usize);
            let to = byte_offset(s, start as usize + count);
            return substr(s, from, to, count);
        }
        let mut out = String::new();
        if !try_reserve_str(&mut out, count) {
            raise_memory_error();
            return null_mut();
        }
        if is_ascii(s) {
            let bytes = str_bytes(s);
            for k in 0..count as i64 {
                out.push(bytes[(start + k * step) as usize] as char);
            }
        } else {
            let chars: Vec<char> = str_as_str(s).chars().collect();
            for k in 0..count as i64 {
                out.push(chars[(start + k * step) as usize]);
            }
        }
        new_str_or_raise(&out)
    }
}

/// `a == b`.
///
/// # Safety
/// Both must be live `str`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_eq(a: *mut u8, b: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller.
    unsafe { str_equal(a, b) as u8 }
}

/// Code-point order of `a` and `b`: -1, 0 or 1 (UTF-8 byte order is code-point order).
///
/// # Safety
/// Both must be live `str`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_cmp(a: *mut u8, b: *mut u8) -> i64 {
    // SAFETY: forwarded from the caller.
    unsafe { str_bytes(a).cmp(str_bytes(b)) as i64 }
}

/// `needle in hay`.
///
/// # Safety
/// Both must be live `str`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_contains(hay: *mut u8, needle: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller.
    unsafe { str_as_str(hay).contains(str_as_str(needle)) as u8 }
}

/// The one-character `str` starting at byte offset `pos`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_char_at(s: *mut u8, pos: i64) -> *mut u8 {
    // SAFETY: `s` is a live str; `pos` is checked against its length.
    unsafe {
        let bytes = str_bytes(s);
        if pos < 0 || pos as usize >= bytes.len() {
            // Generated code only passes positions inside the text, and this
            // function is not marked `raises`: reaching here is a translator bug.
            fatal(ExcKind::IndexError.name(), "string index out of range");
        }
        let pos = pos as usize;
        let lead = bytes[pos];
        let width = match lead {
            0..0x80 => return cached(lead),
            0x80..0xe0 => 2,
            0xe0..0xf0 => 3,
            _ => 4,
        };
        substr(s, pos, (pos + width).min(bytes.len()), 1)
    }
}

/// `s.startswith(prefix)`.
///
/// # Safety
/// Both must be live `str`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_startswith(s: *mut u8, prefix: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller.
    unsafe { str_bytes(s).starts_with(str_bytes(prefix)) as u8 }
}

/// `s.endswith(suffix)`.
///
/// # Safety
/// Both must be live `str`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_endswith(s: *mut u8, suffix: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller.
    unsafe { str_bytes(s).ends_with(str_bytes(suffix)) as u8 }
}

/// Code-point index of the first occurrence of `needle`, or -1.
///
/// # Safety
/// Both must be live `str`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_find(hay: *mut u8, needle: *mut u8) -> i64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let h = str_as_str(hay);
        match h.find(str_as_str(needle)) {
            Some(off) if is_ascii(hay) => off as i64,
            Some(off) => count_chars(&h.as_bytes()[..off]) as i64,
            None => -1,
        }
    }
}

/// The byte ranges of `s.split(sep, maxsplit)` (`sep` None for whitespace).
pub(crate) fn split_ranges(
    text: &str,
    sep: Option<&str>,
    maxsplit: i64,
) -> Result<Vec<(usize, usize)>, Exc> {
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match sep {
        Some("") => return Err(Exc::new(ExcKind::ValueError, "empty separator")),
        Some(sep) => {
            let mut start = 0;
            for (at, _) in text.match_indices(sep) {
                if left == 0 {
                    break;
                }
                left -= 1;
                out.push((start, at));
                start = at + sep.len();
            }
            out.push((start, text.len()));
        }
        None => {
            // CPython's split_whitespace, on characters.
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let n = chars.len();
            let off = |k: usize| if k < n { chars[k].0 } else { text.len() };
            let mut i = 0;
            while left > 0 {
                while i < n && py_isspace(chars[i].1) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                let j = i;
                while i < n && !py_isspace(chars[i].1) {
                    i += 1;
                }
                out.push((off(j), off(i)));
                left -= 1;
            }
            if i < n {
                while i < n && py_isspace(chars[i].1) {
                    i += 1;
                }
                if i != n {
                    out.push((off(i), text.len()));
                }
            }
        }
    }
    Ok(out)
}

/// `s.split(sep, maxsplit)` as a `list[str]`.
///
/// # Safety
/// `s` must be a live `str`, `sep` null or a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_split(s: *mut u8, sep: *mut u8, maxsplit: i64) -> *mut u8 {
    // SAFETY: `s` and `sep` are live; `s` and the list are rooted while the pieces are allocated.
    unsafe {
        let sep_text = if sep.is_null() {
            None
        } else {
            Some(str_as_str(sep))
        };
        let ranges = match split_ranges(str_as_str(s), sep_text, maxsplit) {
            Ok(ranges) => ranges,
            Err(e) => {
                e.raise();
                return null_mut();
            }
        };
        let roots = Roots::new();
        roots.push(s);
        let Some(list) = try_new_list(true, ranges.len()) else {
            raise_memory_error();
            return null_mut();
        };
        roots.push(list);
        for (a, b) in ranges {
            let piece = substr(s, a, b, count_chars(&str_bytes(s)[a..b]));
            if piece.is_null() {
                return null_mut();
            }
            list_append_word(list, piece as u64);
        }
        list
    }
}

/// `sep.join(xs)` for `xs: list[str]`.
///
/// # Safety
/// `sep` must be a live `str`, `xs` a live `list[str]`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_join(sep: *mut u8, xs: *mut u8) -> *mut u8 {
    // SAFETY: `sep` and `xs` are live and rooted across the allocation; the
    // list's items are live strs.
    unsafe {
        let items = crate::list::list_words(xs);
        match items.len() {
            0 => return empty_str(),
            1 => return items[0] as *mut u8,
            _ => {}
        }
        let sep_bytes = str_bytes(sep).len();
        // Character counts are at most byte counts: only the bytes can overflow.
        let mut total = sep_bytes.checked_mul(items.len() - 1);
        let mut chars = str_char_len(sep) * (items.len() - 1);
        for &w in items.iter() {
            total = total.and_then(|t| t.checked_add(str_bytes(w as *mut u8).len()));
            chars += str_char_len(w as *mut u8);
        }
        let Some(total) = total.filter(|&t| t <= isize::MAX as usize) else {
            raise(
                ExcKind::OverflowError,
                "join() result is too long for a Python string",
            );
            return null_mut();
        };
        let roots = Roots::new();
        roots.push(sep);
        roots.push(xs);
        let Some(out) = try_alloc_str(total, chars) else {
            raise_memory_error();
            return null_mut();
        };
        let mut at = out.add(STR_BYTES);
        // Re-read the items: the list is rooted, and the collector does not move objects.
        for (k, &w) in crate::list::list_words(xs).iter().enumerate() {
            if k > 0 {
                std::ptr::copy_nonoverlapping(sep.add(STR_BYTES), at, sep_bytes);
                at = at.add(sep_bytes);
            }
            let b = str_bytes(w as *mut u8);
            std::ptr::copy_nonoverlapping(b.as_ptr(), at, b.len());
            at = at.add(b.len());
        }
        out
    }
}

/// Which ends [`strip`] trims.
#[derive(Clone, Copy)]
enum Ends {
    Both,
    Left,
    Right,
}

/// # Safety
/// `s` must be a live `str`, `chars` null or a live `str`.
unsafe fn strip(s: *mut u8, chars: *mut u8, ends: Ends) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let text = str_as_str(s);
        let set: Option<Vec<char>> = if chars.is_null() {
            None
        } else {
            Some(str_as_str(chars).chars().collect())
        };
        let strip_it = |c: char| match &set {
            None => py_isspace(c),
            Some(set) => set.contains(&c),
        };
        let mut start = 0;
        let mut end = text.len();
        if matches!(ends, Ends::Both | Ends::Left) {
            start = text
                .char_indices()
                .find(|&(_, c)| !strip_it(c))
                .map_or(text.len(), |(i, _)| i);
        }
        if matches!(ends, Ends::Both | Ends::Right) {
            end = text[start..]
                .char_indices()
                .rev()
                .find(|&(_, c)| !strip_it(c))
                .map_or(start, |(i, c)| start + i + c.len_utf8());
        }
        let n = count_chars(&text.as_bytes()[start..end]);
        substr(s, start, end, n)
    }
}

/// `s.strip(chars)`, `chars` null for whitespace.
///
/// # Safety
/// `s` must be a live `str`, `chars` null or a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_strip(s: *mut u8, chars: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe { strip(s, chars, Ends::Both) }
}

/// `s.lstrip(chars)`.
///
/// # Safety
/// As for [`seam_str_strip`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_lstrip(s: *mut u8, chars: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe { strip(s, chars, Ends::Left) }
}

/// `s.rstrip(chars)`.
///
/// # Safety
/// As for [`seam_str_strip`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_rstrip(s: *mut u8, chars: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    unsafe { strip(s, chars, Ends::Right) }
}

/// `s.upper()` (full Unicode case mapping, as CPython).
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_upper(s: *mut u8) -> *mut u8 {
    // SAFETY: the text is copied out before allocating.
    new_str_or_raise(&crate::strmethods::upper_text(unsafe { str_as_str(s) }))
}

/// `s.lower()`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_lower(s: *mut u8) -> *mut u8 {
    // SAFETY: the text is copied out before allocating.
    new_str_or_raise(&crate::strmethods::lower_text(unsafe { str_as_str(s) }))
}

/// `s.replace(old, new)`.
///
/// # Safety
/// All three must be live `str`s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_replace(s: *mut u8, old: *mut u8, new: *mut u8) -> *mut u8 {
    // SAFETY: the result is computed into Rust memory before allocating.
    unsafe {
        let text = str_as_str(s);
        let old = str_as_str(old);
        if !old.is_empty() && !text.contains(old) {
            return s;
        }
        let new = str_as_str(new);
        // The result's size first: OverflowError past `isize::MAX` bytes
        // (as CPython), MemoryError when the system refuses it.
        let matches = if old.is_empty() {
            text.chars().count() + 1
        } else {
            text.matches(old).count()
        };
        let size = (new.len() as u128 * matches as u128 + text.len() as u128)
            .checked_sub(old.len() as u128 * matches as u128)
            .filter(|&t| t <= isize::MAX as u128);
        let Some(size) = size else {
            raise(ExcKind::OverflowError, "replace string is too long");
            return null_mut();
        };
        let mut out = String::new();
        if !try_reserve_str(&mut out, size as usize) {
            raise_memory_error();
            return null_mut();
        }
        if old.is_empty() {
            out.push_str(new);
            for c in text.chars() {
                out.push(c);
                out.push_str(new);
            }
        } else {
            let mut last = 0;
            for (at, _) in text.match_indices(old) {
                out.push_str(&text[last..at]);
                out.push_str(new);
                last = at + old.len();
            }
            out.push_str(&text[last..]);
        }
        new_str_or_raise(&out)
    }
}

/// Python's `str.isdigit`, approximated with Rust's Unicode numeric property
/// outside ASCII.
pub(crate) fn is_digit_text(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| in_ranges(unicode_db::DIGIT, c))
}

/// Python's cased-character test: `Some(true)` lower, `Some(false)` upper or
/// title, `None` uncased.
fn case_of(c: char) -> Option<bool> {
    if in_ranges(unicode_db::LOWERCASE, c) {
        Some(true)
    } else if in_ranges(unicode_db::UPPERCASE, c) || in_ranges(unicode_db::TITLECASE, c) {
        Some(false)
    } else {
        None
    }
}

pub(crate) fn is_lower_text(text: &str) -> bool {
    let mut cased = false;
    for c in text.chars() {
        match case_of(c) {
            Some(true) => cased = true,
            Some(false) => return false,
            None => {}
        }
    }
    cased
}

pub(crate) fn is_upper_text(text: &str) -> bool {
    let mut cased = false;
    for c in text.chars() {
        if in_ranges(unicode_db::LOWERCASE, c) || in_ranges(unicode_db::TITLECASE, c) {
            return false;
        }
        if in_ranges(unicode_db::UPPERCASE, c) {
            cased = true;
        }
    }
    cased
}

/// `s.isdigit()`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_isdigit(s: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller.
    is_digit_text(unsafe { str_as_str(s) }) as u8
}

/// `s.isalpha()`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_isalpha(s: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller.
    let text = unsafe { str_as_str(s) };
    (!text.is_empty() && text.chars().all(|c| in_ranges(unicode_db::ALPHA, c))) as u8
}

/// `s.isspace()`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_isspace(s: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller.
    let text = unsafe { str_as_str(s) };
    (!text.is_empty() && text.chars().all(py_isspace)) as u8
}

/// `s.islower()`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_islower(s: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller.
    is_lower_text(unsafe { str_as_str(s) }) as u8
}

/// `s.isupper()`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_str_isupper(s: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller.
    is_upper_text(unsafe { str_as_str(s) }) as u8
}

/// `chr(i)`. Surrogates (which UTF-8 cannot hold) raise ValueError.
#[unsafe(no_mangle)]
pub extern "C" fn seam_chr(i: i64) -> *mut u8 {
    if !(0..0x110000).contains(&i) {
        raise(ExcKind::ValueError, "chr() arg not in range(0x110000)");
        return null_mut();
    }
    match char::from_u32(i as u32) {
        Some(c) => new_str(c.encode_utf8(&mut [0; 4])),
        None => {
            raise(
                ExcKind::ValueError,
                "surrogate code points are not supported",
            );
            null_mut()
        }
    }
}

/// `ord(s)`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_ord(s: *mut u8) -> i64 {
    // SAFETY: forwarded from the caller.
    unsafe {
        let n = str_char_len(s);
        if n != 1 {
            raise(
                ExcKind::TypeError,
                &format!("ord() expected a character, but string of length {n} found"),
            );
            return 0;
        }
        str_as_str(s).chars().next().map_or(0, |c| c as i64)
    }
}

/// `list(s)`: the characters of a `str`.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_list_from_str(s: *mut u8) -> *mut u8 {
    // SAFETY: `s` and the list are rooted while the characters are allocated.
    unsafe {
        let roots = Roots::new();
        roots.push(s);
        let n = str_char_len(s);
        let Some(list) = try_new_list(true, n) else {
            raise_memory_error();
            return null_mut();
        };
        roots.push(list);
        let mut pos = 0;
        while pos < str_bytes(s).len() {
            let ch = seam_str_char_at(s, pos as i64);
            if ch.is_null() {
                return ch;
            }
            pos += str_bytes(ch).len();
            list_append_word(list, ch as u64);
        }
        list
    }
}
