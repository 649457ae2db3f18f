//! Text files and the standard streams: `open`, reading with UTF-8 decoding
//! and universal newlines the way CPython's `TextIOWrapper` does it, buffered
//! writing, `input()` and `sys.exit`.
//!
//! A file object is a small GC object holding no references, only the index
//! of its state in a table kept here (the OS handle, the undecoded and
//! decoded read buffers, the write buffer). The collector has no finalizers,
//! so the state of a file that becomes garbage unclosed stays in the table
//! until exit, when every open file is flushed ([`flush_all`]); closing frees
//! the handle and the buffers at once.
//!
//! Reading follows CPython's text layer step by step, because that is what
//! decides where a decoding error is reported: the file is read in chunks of
//! 8192 bytes (more for a large `read(n)`), each chunk is decoded as a whole
//! (an incomplete character at its end waits for the next one), and the
//! position in `UnicodeDecodeError`'s message counts from the start of the
//! bytes being decoded. `read()` decodes everything left in one piece.
//! `\r\n` and `\r` become `\n` (except on `sys.stdin`, as on POSIX CPython);
//! a `\r` ending a chunk waits to see whether a `\n` follows.
//!
//! Standard output goes through the buffer of [`crate::output`], so
//! `print` and `sys.stdout.write` interleave; standard error is unbuffered.

use crate::error::{Arg, Exc, ExcKind, check};
use crate::gcglue::{Roots, set_word, word};
use crate::list::{list_append_word, new_list};
use crate::memory::{try_reserve, try_zeroed_bytes};
use crate::output::{flush_stdout, write_stderr, write_stdout};
use crate::strobj::{new_str, str_as_str, str_char_len};
use seam_gc::GcTypeInfo;
use std::cell::RefCell;
use std::fs::File;
use std::io::{Read, Write};
use std::mem::ManuallyDrop;
use std::os::fd::FromRawFd;
use std::ptr::null_mut;

/// File objects hold no references: only the index of their state.
static FILE_DESC: GcTypeInfo = GcTypeInfo::no_refs();
/// File object: the index of its [`FileState`] in the table.
const FILE_INDEX: usize = 8;
/// File object: size in bytes.
const FILE_SIZE: usize = 16;

/// CPython's `TextIOWrapper` reads this many bytes at a time.
const CHUNK: usize = 8192;

/// The message of every operation on a closed file.
const CLOSED: &str = "I/O operation on closed file.";

/// Where a file's bytes go to and come from.
enum Stream {
    Regular(File),
    Stdin,
    Stdout,
    Stderr,
}

struct FileState {
    /// `None` once closed.
    stream: Option<Stream>,
    readable: bool,
    writable: bool,
    /// For the repr: the name CPython shows, the mode and the encoding.
    name: String,
    mode: &'static str,
    encoding: String,
    /// Bytes read but not decoded yet (an incomplete character).
    pending: Vec<u8>,
    /// Decoded text not yet returned, from byte `pos` on.
    decoded: String,
    pos: usize,
    /// A `\r` ended the last chunk: it becomes `\n` whatever follows.
    pending_cr: bool,
    /// Bytes per character of the last chunk, to size the chunks of a large `read(n)`.
    b2cratio: f64,
    /// Written text not yet passed to the OS.
    wbuf: Vec<u8>,
}

impl FileState {
    fn new(stream: Stream, name: String, mode: &'static str, encoding: String) -> FileState {
        let readable = mode == "r";
        FileState {
            stream: Some(stream),
            readable,
            writable: !readable,
            name,
            mode,
            encoding,
            pending: Vec::new(),
            decoded: String::new(),
            pos: 0,
            pending_cr: false,
            b2cratio: 0.0,
            wbuf: Vec::new(),
        }
    }
}

/// The table of file states: single-threaded like the program.
struct Files {
    states: Vec<FileState>,
}

/// The table, lent through [`with_files`] only.
struct FilesCell(RefCell<Files>);

// SAFETY: translated programs are single-threaded (the runtime's contract).
// The `RefCell` catches a second borrow on that thread.
unsafe impl Sync for FilesCell {}

static FILES: FilesCell = FilesCell(RefCell::new(Files { states: Vec::new() }));

/// The objects of `sys.stdin`, `sys.stdout`, `sys.stderr`, created on first
/// use: static roots, so kept outside the table, at a fixed address the
/// collector reads.
static mut STD_STREAMS: [*mut u8; 3] = [null_mut(); 3];
static mut STD_ROOTED: bool = false;

/// Runs `op` on the table. The borrow cannot outlive `op`; `op` must neither
/// allocate GC objects nor raise (raising allocates), and reaches nothing
/// that comes back here, so no two `&mut Files` coexist (a nested call would
/// panic rather than alias).
fn with_files<R>(op: impl FnOnce(&mut Files) -> R) -> R {
    op(&mut FILES.0.borrow_mut())
}

/// Runs `op` on the state of file object `f` (as [`with_files`]).
///
/// # Safety
/// `f` must be a live file object.
unsafe fn with_state<R>(f: *mut u8, op: impl FnOnce(&mut FileState) -> R) -> R {
    // SAFETY: file objects hold the index of a state, and states are never removed.
    let i = unsafe { word(f, FILE_INDEX) } as usize;
    with_files(|fs| op(&mut fs.states[i]))
}

/// A new file object for `st`. May collect.
fn new_file(st: FileState) -> *mut u8 {
    let index = with_files(|fs| {
        fs.states.push(st);
        fs.states.len() - 1
    });
    // SAFETY: FILE_DESC names no references; the object is FILE_SIZE bytes.
    let f = unsafe { seam_gc::alloc(&FILE_DESC, FILE_SIZE) };
    if f.is_null() {
        crate::memory::out_of_memory();
    }
    // SAFETY: `f` is a fresh file object.
    unsafe { set_word(f, FILE_INDEX, index as u64) };
    f
}

/// The object of standard stream `n` (0 stdin, 1 stdout, 2 stderr), created on first use.
fn std_stream(n: usize) -> *mut u8 {
    let n = n.min(2);
    // SAFETY: single-threaded access to the runtime's statics; the slots live
    // as long as the process and hold null or a file object.
    unsafe {
        if !STD_ROOTED {
            STD_ROOTED = true;
            let base: *mut *mut u8 = (&raw mut STD_STREAMS).cast();
            for i in 0..3 {
                seam_gc::add_root(base.add(i));
            }
        }
        if STD_STREAMS[n].is_null() {
            let (stream, name, mode) = match n {
                0 => (Stream::Stdin, "<stdin>", "r"),
                1 => (Stream::Stdout, "<stdout>", "w"),
                _ => (Stream::Stderr, "<stderr>", "w"),
            };
            let f = new_file(FileState::new(
                stream,
                name.to_string(),
                mode,
                "utf-8".to_string(),
            ));
            STD_STREAMS[n] = f;
        }
        STD_STREAMS[n]
    }
}

// ---- errors ----

unsafe extern "C" {
    fn strerror(errnum: std::ffi::c_int) -> *const std::ffi::c_char;
}

/// The C library's text for error number `errno`.
fn strerror_text(errno: i32) -> String {
    // SAFETY: `strerror` returns a valid C string for any number.
    unsafe { std::ffi::CStr::from_ptr(strerror(errno)) }
        .to_string_lossy()
        .into_owned()
}

/// CPython's exception for an OS error: its class is chosen by the error number.
fn os_error(err: &std::io::Error, filename: Option<&str>) -> Exc {
    let errno = err.raw_os_error().unwrap_or(0);
    let kind = match errno {
        2 => ExcKind::FileNotFoundError,
        1 | 13 => ExcKind::PermissionError,
        20 => ExcKind::NotADirectoryError,
        21 => ExcKind::IsADirectoryError,
        _ => ExcKind::OSError,
    };
    let strerror = strerror_text(errno);
    let mut msg = format!("[Errno {errno}] {strerror}");
    if let Some(name) = filename {
        msg.push_str(": ");
        crate::format::write_str_repr(&mut msg, name);
    }
    // `args` is `(errno, strerror)`; the file name shows in `str(e)` only.
    Exc::with_args(kind, msg, vec![Arg::Int(errno.into()), Arg::Str(strerror)])
}

fn check_open(st: &FileState) -> Result<(), Exc> {
    if st.stream.is_none() {
        return Err(Exc::new(ExcKind::ValueError, CLOSED));
    }
    Ok(())
}

fn check_readable(st: &FileState) -> Result<(), Exc> {
    check_open(st)?;
    if !st.readable {
        return Err(Exc::new(ExcKind::UnsupportedOperation, "not readable"));
    }
    Ok(())
}

fn check_writable(st: &FileState) -> Result<(), Exc> {
    check_open(st)?;
    if !st.writable {
        return Err(Exc::new(ExcKind::UnsupportedOperation, "not writable"));
    }
    Ok(())
}

// ---- decoding ----

/// Whether a byte can never start a UTF-8 sequence.
fn invalid_start(b: u8) -> bool {
    matches!(b, 0x80..=0xBF | 0xC0 | 0xC1 | 0xF5..=0xFF)
}

/// CPython's `UnicodeDecodeError` message for `len` bad bytes at `start` of `data`.
fn decode_error(data: &[u8], start: usize, len: usize, reason: &str) -> Exc {
    let msg = if len == 1 {
        format!(
            "'utf-8' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            data[start]
        )
    } else {
        format!(
            "'utf-8' codec can't decode bytes in position {start}-{}: {reason}",
            start + len - 1
        )
    };
    // `args` is `(encoding, object, start, end, reason)`, the object the bytes being decoded.
    Exc::with_args(
        ExcKind::UnicodeDecodeError,
        msg,
        vec![
            Arg::Str("utf-8".to_owned()),
            Arg::Bytes(data.to_vec()),
            Arg::Int(start as i64),
            Arg::Int((start + len) as i64),
            Arg::Str(reason.to_owned()),
        ],
    )
}

/// Decodes `data` as strict UTF-8: the text and how many bytes it used. Unless
/// `last`, an incomplete character at the end is left for the next call.
pub(crate) fn decode_utf8(data: &[u8], last: bool) -> Result<(String, usize), Exc> {
    match std::str::from_utf8(data) {
        Ok(s) => Ok((s.to_string(), data.len())),
        Err(e) => {
            let start = e.valid_up_to();
            // The prefix is valid UTF-8: nothing is replaced.
            let valid = || String::from_utf8_lossy(&data[..start]).into_owned();
            match e.error_len() {
                None if !last => Ok((valid(), start)),
                None => Err(decode_error(
                    data,
                    start,
                    data.len() - start,
                    "unexpected end of data",
                )),
                Some(n) => {
                    let reason = if n == 1 && invalid_start(data[start]) {
                        "invalid start byte"
                    } else {
                        "invalid continuation byte"
                    };
                    Err(decode_error(data, start, n, reason))
                }
            }
        }
    }
}

/// Universal newlines: `\r\n` and `\r` become `\n`. Unless `last`, a final `\r` is held back.
/// Not for `sys.stdin`, which CPython opens with `newline="\n"` on POSIX systems.
fn translate_newlines(st: &mut FileState, mut text: String, last: bool) -> String {
    if matches!(st.stream, Some(Stream::Stdin)) {
        return text;
    }
    if st.pending_cr && (!text.is_empty() || last) {
        text.insert(0, '\r');
        st.pending_cr = false;
    }
    if !last && text.ends_with('\r') {
        text.pop();
        st.pending_cr = true;
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    text
}

/// One read of at most `n` bytes (retried when interrupted); empty at end of
/// file. MemoryError when `n` bytes cannot be had, as in CPython.
fn read_some(stream: &mut Stream, n: usize) -> Result<Vec<u8>, Exc> {
    let mut buf = try_zeroed_bytes(n).ok_or_else(|| Exc::new(ExcKind::MemoryError, ""))?;
    loop {
        let r = match stream {
            Stream::Regular(f) => f.read(&mut buf),
            Stream::Stdin => {
                // SAFETY: fd 0 is open for the process's lifetime; ManuallyDrop keeps it open.
                let mut f = ManuallyDrop::new(unsafe { File::from_raw_fd(0) });
                f.read(&mut buf)
            }
            Stream::Stdout | Stream::Stderr => Ok(0),
        };
        match r {
            Ok(got) => {
                buf.truncate(got);
                return Ok(buf);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(os_error(&e, None)),
        }
    }
}

/// Everything left to read.
fn read_rest(stream: &mut Stream, out: &mut Vec<u8>) -> Result<(), Exc> {
    loop {
        let chunk = read_some(stream, 64 * 1024)?;
        if chunk.is_empty() {
            return Ok(());
        }
        if !try_reserve(out, chunk.len()) {
            return Err(Exc::new(ExcKind::MemoryError, ""));
        }
        out.extend_from_slice(&chunk);
    }
}

/// Reads and decodes one chunk onto the decoded text; `hint` is the number
/// of characters a `read(n)` still wants (0 for lines). Returns false at end of file.
fn read_chunk(st: &mut FileState, hint: usize) -> Result<bool, Exc> {
    let size = if hint > 0 {
        CHUNK.max((st.b2cratio.max(1.0) * hint as f64) as usize)
    } else {
        CHUNK
    };
    let stream = st.stream.as_mut().expect("checked open");
    let raw = read_some(stream, size)?;
    let eof = raw.is_empty();
    let mut data = std::mem::take(&mut st.pending);
    data.extend_from_slice(&raw);
    let (text, used) = decode_utf8(&data, eof)?;
    st.pending = data[used..].to_vec();
    let text = translate_newlines(st, text, eof);
    let chars = text.chars().count();
    st.b2cratio = if chars > 0 {
        raw.len() as f64 / chars as f64
    } else {
        0.0
    };
    if st.pos > 0 {
        st.decoded.drain(..st.pos);
        st.pos = 0;
    }
    st.decoded.push_str(&text);
    Ok(!eof)
}

/// `f.readline()`: the next line with its `\n`, or "" at end of file.
fn readline(st: &mut FileState) -> Result<String, Exc> {
    check_readable(st)?;
    loop {
        if let Some(i) = st.decoded[st.pos..].find('\n') {
            let end = st.pos + i + 1;
            let line = st.decoded[st.pos..end].to_string();
            st.pos = end;
            return Ok(line);
        }
        if !read_chunk(st, 0)? {
            let line = st.decoded[st.pos..].to_string();
            st.decoded.clear();
            st.pos = 0;
            return Ok(line);
        }
    }
}

/// `f.read(n)`; `n` negative reads everything left.
fn read(st: &mut FileState, n: i64) -> Result<String, Exc> {
    check_readable(st)?;
    if n < 0 {
        let mut out = st.decoded[st.pos..].to_string();
        st.decoded.clear();
        st.pos = 0;
        let mut rest = std::mem::take(&mut st.pending);
        read_rest(st.stream.as_mut().expect("checked open"), &mut rest)?;
        let (text, _) = decode_utf8(&rest, true)?;
        out.push_str(&translate_newlines(st, text, true));
        return Ok(out);
    }
    let want = n as usize;
    loop {
        let have = st.decoded[st.pos..].chars().take(want).count();
        if have >= want || !read_chunk(st, want - have)? {
            break;
        }
    }
    let rest = &st.decoded[st.pos..];
    let end = rest
        .char_indices()
        .nth(want)
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let out = rest[..end].to_string();
    st.pos += end;
    Ok(out)
}

/// Passes the write buffer to the OS.
fn flush_state(st: &mut FileState) -> Result<(), Exc> {
    match st.stream.as_mut() {
        Some(Stream::Regular(f)) if !st.wbuf.is_empty() => {
            let r = f.write_all(&st.wbuf);
            st.wbuf.clear();
            r.map_err(|e| os_error(&e, None))
        }
        Some(Stream::Stdout) => {
            flush_stdout();
            Ok(())
        }
        _ => Ok(()),
    }
}

fn write(st: &mut FileState, text: &[u8]) -> Result<(), Exc> {
    check_writable(st)?;
    match st.stream.as_ref() {
        Some(Stream::Stdout) => write_stdout(text),
        Some(Stream::Stderr) => write_stderr(text),
        _ => {
            st.wbuf.extend_from_slice(text);
            if st.wbuf.len() >= CHUNK {
                flush_state(st)?;
            }
        }
    }
    Ok(())
}

fn close(st: &mut FileState) -> Result<(), Exc> {
    if st.stream.is_none() {
        return Ok(());
    }
    let r = flush_state(st);
    st.stream = None;
    st.pending = Vec::new();
    st.decoded = String::new();
    st.pos = 0;
    st.wbuf = Vec::new();
    r
}

/// Flushes every file still open, at exit (CPython does so when it finalizes them).
#[cfg(not(test))]
pub(crate) fn flush_all() {
    // At exit the table is free, unless the process is ending from inside a
    // file operation (memory ran out there): the files cannot be flushed then.
    let Ok(mut files) = FILES.0.try_borrow_mut() else {
        return;
    };
    for st in files.states.iter_mut() {
        let _ = flush_state(st);
    }
}

/// Appends CPython's repr of a file object (as under a UTF-8 locale).
///
/// # Safety
/// `f` must be a live file object.
pub(crate) unsafe fn write_file_repr(out: &mut String, f: *mut u8) {
    // SAFETY: forwarded from the caller.
    unsafe {
        with_state(f, |st| {
            out.push_str("<_io.TextIOWrapper name=");
            crate::format::write_str_repr(out, &st.name);
            out.push_str(" mode=");
            crate::format::write_str_repr(out, st.mode);
            out.push_str(" encoding=");
            crate::format::write_str_repr(out, &st.encoding);
            out.push('>');
        })
    }
}

/// If the pending exception is a `SystemExit`, clears it and returns the exit status it carries.
#[cfg(not(test))]
pub(crate) fn take_system_exit() -> Option<i64> {
    let exc = crate::error::current();
    let desc = crate::error::builtin_class(ExcKind::SystemExit);
    if exc.is_null() || desc.is_null() {
        return None;
    }
    // SAFETY: the state holds a live exception instance; `desc` is a registered descriptor.
    unsafe {
        if !crate::class::is_subclass(crate::class::class_of(exc), desc) {
            return None;
        }
        // Cleared first: the text of the code is formatted, which a pending
        // exception would stop; the exception stays rooted meanwhile.
        crate::error::set_current(null_mut());
        let roots = Roots::new();
        roots.push(exc);
        let text = crate::class::exc_message_text(exc);
        let code = if text.is_empty() {
            0
        } else {
            text.parse::<i64>().unwrap_or(1)
        };
        Some(code)
    }
}

// ---- the ABI ----

/// `open(path, mode, encoding=...)`: `mode` 0 for "r", 1 for "w", 2 for "a";
/// `encoding` the name given (a `str`), or null. Raises the `OSError` CPython raises.
///
/// # Safety
/// `path` must be a live `str`, `encoding` null or a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_file_open(path: *mut u8, mode: i64, encoding: *mut u8) -> *mut u8 {
    // SAFETY: live strs, copied before anything allocates.
    let (path, encoding) = unsafe {
        (
            str_as_str(path).to_string(),
            if encoding.is_null() {
                "UTF-8".to_string()
            } else {
                str_as_str(encoding).to_string()
            },
        )
    };
    if path.contains('\0') {
        Exc::new(ExcKind::ValueError, "embedded null byte").raise();
        return null_mut();
    }
    let mut options = std::fs::OpenOptions::new();
    let mode = match mode {
        1 => {
            options.write(true).create(true).truncate(true);
            "w"
        }
        2 => {
            options.append(true).create(true);
            "a"
        }
        _ => {
            options.read(true);
            "r"
        }
    };
    let file = match options.open(&path) {
        Ok(f) => f,
        Err(e) => {
            os_error(&e, Some(&path)).raise();
            return null_mut();
        }
    };
    // Opening a directory for reading succeeds; CPython then refuses it.
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        os_error(&std::io::Error::from_raw_os_error(21), Some(&path)).raise();
        return null_mut();
    }
    new_file(FileState::new(Stream::Regular(file), path, mode, encoding))
}

/// `sys.stdin` (0), `sys.stdout` (1) or `sys.stderr` (2).
#[unsafe(no_mangle)]
pub extern "C" fn seam_file_std(n: i64) -> *mut u8 {
    std_stream(n.clamp(0, 2) as usize)
}

/// `f.read(n)`, `n` negative for everything left.
///
/// # Safety
/// `f` must be a live file object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_file_read(f: *mut u8, n: i64) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    let r = unsafe { with_state(f, |st| read(st, n)) };
    match r {
        Ok(text) => crate::strobj::new_str_or_raise(&text),
        Err(e) => {
            e.raise();
            null_mut()
        }
    }
}

/// `f.readline()`.
///
/// # Safety
/// `f` must be a live file object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_file_readline(f: *mut u8) -> *mut u8 {
    // SAFETY: forwarded from the caller.
    match unsafe { with_state(f, readline) } {
        Ok(text) => crate::strobj::new_str_or_raise(&text),
        Err(e) => {
            e.raise();
            null_mut()
        }
    }
}

/// `f.readlines()`: a `list[str]`.
///
/// # Safety
/// `f` must be a live file object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_file_readlines(f: *mut u8) -> *mut u8 {
    let mut lines = Vec::new();
    loop {
        // SAFETY: forwarded from the caller; nothing allocates GC objects in this loop.
        match unsafe { with_state(f, readline) } {
            Ok(line) if line.is_empty() => break,
            Ok(line) => lines.push(line),
            Err(e) => {
                e.raise();
                return null_mut();
            }
        }
    }
    let roots = Roots::new();
    let list = roots.push(new_list(true, lines.len()));
    for line in &lines {
        let s = new_str(line);
        // SAFETY: `list` is a live, rooted list of references.
        unsafe { list_append_word(list, s as u64) };
    }
    list
}

/// `f.write(s)`: the number of characters written.
///
/// # Safety
/// `f` must be a live file object, `s` a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_file_write(f: *mut u8, s: *mut u8) -> i64 {
    // SAFETY: forwarded from the caller; nothing here allocates GC objects before the error.
    let (text, n) = unsafe { (str_as_str(s), str_char_len(s)) };
    // SAFETY: forwarded from the caller.
    let r = unsafe { with_state(f, |st| write(st, text.as_bytes())) };
    check(r.map(|()| n as i64))
}

/// `f.flush()`.
///
/// # Safety
/// `f` must be a live file object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_file_flush(f: *mut u8) {
    // SAFETY: forwarded from the caller.
    let r = unsafe { with_state(f, |st| check_open(st).and_then(|()| flush_state(st))) };
    check(r)
}

/// `f.close()`: flushes and closes; closing a closed file does nothing.
///
/// # Safety
/// `f` must be a live file object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_file_close(f: *mut u8) {
    // SAFETY: forwarded from the caller.
    check(unsafe { with_state(f, close) })
}

/// Entering `with f:`: ValueError when the file is closed.
///
/// # Safety
/// `f` must be a live file object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_file_enter(f: *mut u8) {
    // SAFETY: forwarded from the caller.
    check(unsafe { with_state(f, |st| check_open(st)) })
}

/// `f.closed`.
///
/// # Safety
/// `f` must be a live file object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_file_closed(f: *mut u8) -> u8 {
    // SAFETY: forwarded from the caller.
    unsafe { with_state(f, |st| st.stream.is_none()) as u8 }
}

/// `input(prompt)`: writes the prompt (a `str`, or null) to stdout, reads a
/// line from stdin without its newline; EOFError at end of input.
///
/// # Safety
/// `prompt` must be null or a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_input(prompt: *mut u8) -> *mut u8 {
    if !prompt.is_null() {
        // SAFETY: a live str.
        let text = unsafe { str_as_str(prompt) }.to_string();
        // SAFETY: the stream is a live file object (a static root).
        let r = unsafe { with_state(std_stream(1), |st| write(st, text.as_bytes())) };
        if let Err(e) = r {
            e.raise();
            return null_mut();
        }
    }
    flush_stdout();
    // SAFETY: the stream is a live file object (a static root).
    match unsafe { with_state(std_stream(0), readline) } {
        Ok(line) if line.is_empty() => {
            Exc::new(ExcKind::EOFError, "EOF when reading a line").raise();
            null_mut()
        }
        Ok(line) => new_str(line.strip_suffix('\n').unwrap_or(&line)),
        Err(e) => {
            e.raise();
            null_mut()
        }
    }
}

/// The `SystemExit` instance `sys.exit(code)` raises: `args` `(code,)`, or
/// `()` for none ([`crate::MISSING`]), so that `str()` of it is CPython's.
#[unsafe(no_mangle)]
pub extern "C" fn seam_system_exit_new(code: i64) -> *mut u8 {
    let args = if code == crate::MISSING {
        Vec::new()
    } else {
        vec![Arg::Int(code)]
    };
    let exc = crate::exc_args::new_with_args(ExcKind::SystemExit, "", &args);
    if exc.is_null() {
        crate::memory::out_of_memory();
    }
    exc
}
