//! Buffered standard output and unbuffered standard error.
//!
//! stdout collects into a large buffer, flushed when it fills, at exit, and
//! before anything is written to stderr (so the two interleave as in
//! CPython). When stdout is a terminal it is flushed at each newline, as
//! CPython's line buffering does. Knows nothing of objects beyond the layout
//! of a `str` (for `seam_write_str`), and depends on no other module of the
//! runtime but [`crate::layout`].

use crate::layout::{STR_BYTE_LEN, STR_BYTES};
use std::cell::RefCell;
use std::io::Write;
use std::mem::ManuallyDrop;
use std::os::fd::FromRawFd;

const CAPACITY: usize = 64 * 1024;

struct Out {
    buf: Vec<u8>,
    line_buffered: bool,
}

impl Out {
    /// Writes out whatever the buffer holds.
    fn flush(&mut self) {
        if !self.buf.is_empty() {
            write_fd(1, &self.buf);
            self.buf.clear();
        }
    }
}

/// The output state, lent through [`with_out`] only.
struct OutCell(RefCell<Out>);

// SAFETY: the runtime runs on the program's one thread (translated programs
// are single-threaded; runtime tests do not write output). The `RefCell`
// catches a second borrow on that thread.
unsafe impl Sync for OutCell {}

static OUT: OutCell = OutCell(RefCell::new(Out {
    buf: Vec::new(),
    line_buffered: false,
}));

unsafe extern "C" {
    fn isatty(fd: std::ffi::c_int) -> std::ffi::c_int;
}

/// Runs `f` on the output state. The borrow cannot outlive `f`, and nothing
/// `f` is given can reach this module again, so no two `&mut Out` coexist (a
/// nested call would panic rather than alias).
fn with_out<R>(f: impl FnOnce(&mut Out) -> R) -> R {
    f(&mut OUT.0.borrow_mut())
}

/// Decides the buffering mode. Idempotent.
pub(crate) fn init() {
    with_out(|o| {
        // SAFETY: `isatty` only inspects the descriptor.
        o.line_buffered = unsafe { isatty(1) } == 1;
        if o.buf.capacity() == 0 {
            // Without the buffer (the system refused it) every write goes
            // straight through; asking for it must not end the program from
            // inside this borrow.
            let _ = seam_gc::fallibly(|| o.buf.try_reserve(CAPACITY));
        }
    })
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
    with_out(|o| {
        if o.buf.len() + bytes.len() > o.buf.capacity() {
            o.flush();
            if bytes.len() > o.buf.capacity() {
                write_fd(1, bytes);
                return;
            }
        }
        o.buf.extend_from_slice(bytes);
        if o.buf.len() >= CAPACITY || (o.line_buffered && bytes.contains(&b'\n')) {
            o.flush();
        }
    })
}

/// Writes out whatever stdout holds.
pub(crate) fn flush_stdout() {
    with_out(Out::flush)
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
    // reference that does not outlive this function. The cell's borrow flag
    // is left alone: the interrupted code may hold the borrow.
    let o = unsafe { &*OUT.0.as_ptr() };
    (o.buf.as_ptr(), o.buf.len())
}

/// Appends a `str` to the buffered stdout.
///
/// # Safety
/// `s` must be a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_write_str(s: *mut u8) {
    // SAFETY: the caller passes a live str, which holds `byte_len` bytes at
    // STR_BYTES; nothing allocates while the slice lives.
    let bytes = unsafe {
        let len = *(s.add(STR_BYTE_LEN) as *const u64) as usize;
        std::slice::from_raw_parts(s.add(STR_BYTES), len)
    };
    write_stdout(bytes);
}
