//! Buffered standard output and unbuffered standard error.
//!
//! stdout collects into a large buffer, flushed when it fills, at exit, and
//! before anything is written to stderr (so the two interleave as in
//! CPython). When stdout is a terminal it is flushed at each newline, as
//! CPython's line buffering does. Knows nothing of objects beyond `str`.

use crate::strobj::str_bytes;
use std::cell::UnsafeCell;
use std::io::Write;
use std::mem::ManuallyDrop;
use std::os::fd::FromRawFd;

const CAPACITY: usize = 64 * 1024;

struct Out {
    buf: Vec<u8>,
    line_buffered: bool,
}

/// The output state: single-threaded like the program.
struct OutCell(UnsafeCell<Out>);

// SAFETY: translated programs are single-threaded; runtime tests do not write output.
unsafe impl Sync for OutCell {}

static OUT: OutCell = OutCell(UnsafeCell::new(Out {
    buf: Vec::new(),
    line_buffered: false,
}));

unsafe extern "C" {
    fn isatty(fd: std::ffi::c_int) -> std::ffi::c_int;
}

fn out() -> &'static mut Out {
    // SAFETY: see `OutCell`; callers do not hold the reference across calls into this module.
    unsafe { &mut *OUT.0.get() }
}

/// Decides the buffering mode. Idempotent.
pub(crate) fn init() {
    let o = out();
    // SAFETY: `isatty` only inspects the descriptor.
    o.line_buffered = unsafe { isatty(1) } == 1;
    if o.buf.capacity() == 0 {
        o.buf.reserve(CAPACITY);
    }
}

/// Writes all of `bytes` to file descriptor `fd`, ignoring errors (there is
/// nowhere left to report them).
fn write_fd(fd: i32, bytes: &[u8]) {
    // SAFETY: fds 1 and 2 are open for the process's lifetime; ManuallyDrop
    // keeps the File from closing them.
    let mut f = ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
    let _ = f.write_all(bytes);
}

/// Appends `bytes` to stdout. What does not fit in the buffer is written
/// through, so the buffer never grows (and never asks for memory).
pub(crate) fn write_stdout(bytes: &[u8]) {
    let o = out();
    if o.buf.len() + bytes.len() > o.buf.capacity() {
        flush_stdout();
        if bytes.len() > out().buf.capacity() {
            write_fd(1, bytes);
            return;
        }
    }
    let o = out();
    o.buf.extend_from_slice(bytes);
    if o.buf.len() >= CAPACITY || (o.line_buffered && bytes.contains(&b'\n')) {
        flush_stdout();
    }
}

/// Writes out whatever stdout holds.
pub(crate) fn flush_stdout() {
    let o = out();
    if !o.buf.is_empty() {
        write_fd(1, &o.buf);
        o.buf.clear();
    }
}

/// Flushes stdout, then writes `bytes` to stderr.
pub(crate) fn write_stderr(bytes: &[u8]) {
    flush_stdout();
    write_fd(2, bytes);
}

/// The bytes stdout holds and not yet written, as a pointer and a length,
/// for the fault handler ([`crate::fault`]), which may neither lock nor
/// allocate nor flush through this module.
///
/// # Safety
/// No other code may be updating the buffer: the program must be
/// single-threaded and interrupted between updates of the buffer's fields
/// (true of a signal handler run on a fault, see [`crate::fault`]). The
/// bytes stay valid until this module's functions run again.
pub(crate) unsafe fn pending_stdout() -> (*const u8, usize) {
    // SAFETY: forwarded from the caller; only reads, through a shared
    // reference that does not outlive this function.
    let o = unsafe { &*OUT.0.get() };
    (o.buf.as_ptr(), o.buf.len())
}

/// Appends a `str` to the buffered stdout.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_write_str(s: *mut u8) {
    // SAFETY: the caller passes a live str; nothing allocates while the slice lives.
    write_stdout(unsafe { str_bytes(s) });
}
