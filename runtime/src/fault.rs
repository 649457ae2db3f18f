//! Turning the two memory faults a translated program can provoke into
//! CPython-style fatal errors instead of a bare `SIGSEGV` that loses the
//! buffered stdout.
//!
//! ```text
//!   SIGSEGV / SIGBUS ──▶ handler (alternate signal stack) ──▶ classify(si_code, si_addr)
//!        ├─ in or just below the main thread's stack ──▶ flush stdout, RecursionError, _exit(1)
//!        ├─ in the first page (a null reference)      ──▶ flush stdout, SystemError,    _exit(1)
//!        └─ anything else                             ──▶ restore SIG_DFL, re-raise: the real signal
//! ```
//!
//! Functions that may recurse check the stack on entry and raise a catchable
//! `RecursionError` some headroom before it runs out (see [`crate::ints`]);
//! this handler is the last resort, for a stack exhausted anyway (by code
//! between checks that needs more than the headroom). The handler must
//! therefore run on its own stack ([`ALT_STACK_SIZE`] bytes, mapped once,
//! with a guard page). "Main thread" below means the thread that runs the
//! program (see [`crate::entry`]). A null
//! reference comes from reading a field that was never assigned (generated
//! code does not test field reads for null).
//!
//! The handler is async-signal-safe: it calls only `write`, `sigaction`,
//! `raise` and `_exit`, and neither allocates nor locks. It writes out the
//! stdout buffer as it stands (see [`crate::output::pending_stdout`]),
//! relying on the program being single-threaded and on faults interrupting
//! generated code or a runtime helper between updates of the buffer: its
//! `Vec`'s pointer and length change only after the bytes they describe are
//! in place, so they describe readable, already written bytes. Two unlikely
//! windows remain: an overflow inside the flush, after `write` and before
//! the buffer is cleared, prints those bytes twice; one inside a
//! reallocation of the buffer (a single write longer than the free space)
//! may lose the bytes being appended.
//!
//! Knows nothing of objects or exceptions: it reports with fixed texts, and
//! exception handlers cannot catch these errors (as with shadow-stack
//! overflow, see [`crate::gcglue`]).

use std::ffi::{c_int, c_void};
use std::ptr::null_mut;

/// The last line CPython prints when recursion runs too deep.
pub(crate) const RECURSION_TEXT: &[u8] =
    b"Traceback (most recent call last):\nRecursionError: maximum recursion depth exceeded\n";

/// The report of a null reference (no CPython equivalent: CPython would
/// raise `AttributeError` when the field was read).
pub(crate) const NULL_REFERENCE_TEXT: &[u8] = b"Traceback (most recent call last):\nSystemError: null reference (probably a field read before it was assigned)\n";

/// The alternate signal stack's size. The handler needs a few hundred
/// bytes; the rest is slack for the C library's signal frame (which grows
/// with the CPU's extended register state).
const ALT_STACK_SIZE: usize = 64 * 1024;

/// Fault addresses below this are null references plus a field offset.
/// Linux never maps the first page (`vm.mmap_min_addr` is at least 4096).
const NULL_PAGE: usize = 4096;

/// How far below the lowest address the main thread's stack may grow a
/// fault still counts as a stack overflow. Covers the kernel's stack guard
/// gap (256 pages) and a function that probes its frame a few pages down.
const BELOW_STACK_SLACK: usize = 1 << 20;

/// What a memory fault means to the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fault {
    /// The native stack ran out: unbounded or too deep recursion.
    StackOverflow,
    /// A load or store through a null reference.
    NullReference,
    /// Anything else (a bug, or a signal sent by another process): the
    /// default action, so the process dies with the real signal.
    Other,
}

/// The main thread's stack: `[lo, hi)`, its lowest permitted address and
/// the address above its top.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StackBounds {
    pub lo: usize,
    pub hi: usize,
}

/// Classifies a fault by the kernel's `si_code` and the faulting address.
/// `si_code <= 0` means the signal was sent by a process (`kill`, `sigqueue`,
/// `tgkill`), whose `si_addr` means nothing.
pub(crate) fn classify(si_code: c_int, addr: usize, stack: StackBounds) -> Fault {
    if si_code <= 0 {
        Fault::Other
    } else if addr < NULL_PAGE {
        Fault::NullReference
    } else if addr >= stack.lo.saturating_sub(BELOW_STACK_SLACK) && addr < stack.hi {
        Fault::StackOverflow
    } else {
        Fault::Other
    }
}

/// The main thread's stack bounds, recorded by [`install`] before the
/// handler can run and only read afterwards.
static mut STACK: StackBounds = StackBounds { lo: 0, hi: 0 };

/// Installs the `SIGSEGV` and `SIGBUS` handler on an alternate signal
/// stack, and returns the calling thread's stack bounds. Called once, from
/// the thread that runs the program, by the C entry point before the
/// generated program runs. Failures leave the default action in place
/// (the program still runs; a fault is then a plain `SIGSEGV`).
#[cfg_attr(
    test,
    allow(
        dead_code,
        reason = "only process start-up installs it; unit tests keep the harness's handlers"
    )
)]
pub(crate) fn install() -> Option<StackBounds> {
    let stack = main_stack_bounds()?;
    // SAFETY: single-threaded initialisation, before any handler is installed.
    unsafe { STACK = stack };
    if !install_alt_stack() {
        return Some(stack);
    }
    for sig in [libc::SIGSEGV, libc::SIGBUS] {
        // SAFETY: `action` is fully initialised (zeroed, then its fields
        // set); the handler has the three-argument form SA_SIGINFO expects.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = handle_fault as *const () as libc::sighandler_t;
            action.sa_flags = libc::SA_ONSTACK | libc::SA_SIGINFO;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(sig, &action, null_mut());
        }
    }
    Some(stack)
}

/// The calling (main) thread's stack bounds from `pthread_getattr_np`,
/// which for the main thread derives them from `/proc/self/maps` and
/// `RLIMIT_STACK` (the size the stack may grow to, not what is mapped now).
fn main_stack_bounds() -> Option<StackBounds> {
    // SAFETY: `attr` is initialised by `pthread_getattr_np` before it is
    // read and destroyed once; the out-parameters are valid locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut c_void = null_mut();
        let mut size: libc::size_t = 0;
        let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        libc::pthread_attr_destroy(&mut attr);
        if !ok || addr.is_null() || size == 0 {
            return None;
        }
        let lo = addr as usize;
        Some(StackBounds {
            lo,
            hi: lo.saturating_add(size),
        })
    }
}

/// Maps the alternate signal stack (a guard page below it, so that the
/// handler overflowing it faults rather than corrupting memory) and makes it
/// the thread's; returns whether that worked. The mapping is never freed.
fn install_alt_stack() -> bool {
    // SAFETY: an anonymous private mapping touches no existing memory; the
    // guard page and the stack lie inside it, and `sigaltstack` receives a
    // fully initialised `stack_t`.
    unsafe {
        let page = match libc::sysconf(libc::_SC_PAGESIZE) {
            n if n > 0 => n as usize,
            _ => 4096,
        };
        let base = libc::mmap(
            null_mut(),
            page + ALT_STACK_SIZE,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        if base == libc::MAP_FAILED {
            return false;
        }
        libc::mprotect(base, page, libc::PROT_NONE);
        let stack = libc::stack_t {
            ss_sp: base.cast::<u8>().add(page).cast(),
            ss_flags: 0,
            ss_size: ALT_STACK_SIZE,
        };
        libc::sigaltstack(&stack, null_mut()) == 0
    }
}

/// The signal handler (see the module documentation). Async-signal-safe.
extern "C" fn handle_fault(sig: c_int, info: *mut libc::siginfo_t, _context: *mut c_void) {
    // SAFETY: the kernel passes a valid `siginfo_t` for a SA_SIGINFO handler
    // of SIGSEGV/SIGBUS, whose `si_addr` is the faulting address; STACK was
    // written before the handler was installed.
    let fault = unsafe { classify((*info).si_code, (*info).si_addr() as usize, STACK) };
    let text = match fault {
        Fault::StackOverflow => RECURSION_TEXT,
        Fault::NullReference => NULL_REFERENCE_TEXT,
        Fault::Other => {
            // SAFETY: `action` is zeroed and then set to the default
            // disposition. `sig` is blocked while the handler runs, so the
            // raised copy stays pending and ends the process with `sig` as
            // the handler returns. Raising covers a signal sent by another
            // process too, which re-executing the interrupted instruction
            // would not repeat.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = libc::SIG_DFL;
                libc::sigemptyset(&mut action.sa_mask);
                libc::sigaction(sig, &action, null_mut());
                libc::raise(sig);
            }
            return;
        }
    };
    // SAFETY: the program is single-threaded and the fault interrupted it
    // between updates of the buffer's fields (see the module documentation).
    let (buf, len) = unsafe { crate::output::pending_stdout() };
    write_all_raw(1, buf, len);
    write_all_raw(2, text.as_ptr(), text.len());
    // SAFETY: ends the process at once, without running exit handlers
    // (which could touch the runtime's state in the middle of an update).
    unsafe { libc::_exit(1) }
}

/// Writes `len` bytes at `buf` to `fd` with raw `write` calls, retrying
/// after partial writes and interruptions and giving up on any other error.
/// Async-signal-safe.
fn write_all_raw(fd: c_int, mut buf: *const u8, mut len: usize) {
    while len > 0 {
        // SAFETY: `buf` points to `len` readable bytes (the caller's promise,
        // kept as the loop advances).
        let n = unsafe { libc::write(fd, buf.cast(), len) };
        if n > 0 {
            let n = n as usize;
            // SAFETY: `n <= len`, so `buf + n` stays within the same bytes.
            buf = unsafe { buf.add(n) };
            len -= n;
        } else if n < 0 && errno() == libc::EINTR {
            continue;
        } else {
            return;
        }
    }
}

/// The calling thread's `errno`. Async-signal-safe.
fn errno() -> c_int {
    // SAFETY: `__errno_location` returns the calling thread's errno slot,
    // valid for the thread's lifetime.
    unsafe { *libc::__errno_location() }
}
