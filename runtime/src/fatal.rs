//! Errors no handler may catch: the program ends with CPython's traceback
//! text for the error and status 1.
//!
//! [`fatal`] serves shadow-stack overflow, errors of runtime functions the
//! ABI does not mark `raises`, and raising before the builtin classes are
//! registered; [`out_of_memory`] an allocation nobody can report as a
//! catchable `MemoryError` (see [`crate::memory`]). Both allocate nothing
//! that could fail, so they work when memory is gone. Depends only on
//! [`crate::output`] and [`crate::exc_state`]: it knows nothing of exception
//! objects or strings.

use crate::exc_state::set_current;
use crate::output::write_stderr;
use std::ptr::null_mut;

/// The text CPython prints for an uncaught exception (without frames).
pub(crate) fn traceback_text(class: &str, msg: &str) -> String {
    if msg.is_empty() {
        format!("Traceback (most recent call last):\n{class}\n")
    } else {
        format!("Traceback (most recent call last):\n{class}: {msg}\n")
    }
}

/// Reports an error no handler may catch: flushes stdout, prints the
/// traceback of class `class` with message `msg` and exits with status 1.
/// Clears the exception state first, so that nothing reports it again.
pub(crate) fn fatal(class: &str, msg: &str) -> ! {
    set_current(null_mut());
    write_stderr(traceback_text(class, msg).as_bytes());
    std::process::exit(1)
}

/// Ends the program as an uncaught `MemoryError` does: flushes stdout,
/// prints the traceback and exits with status 1. Allocates nothing.
pub(crate) fn out_of_memory() -> ! {
    set_current(null_mut());
    write_stderr(b"Traceback (most recent call last):\nMemoryError\n");
    debug_assert_eq!(
        traceback_text("MemoryError", ""),
        "Traceback (most recent call last):\nMemoryError\n"
    );
    std::process::exit(1)
}
