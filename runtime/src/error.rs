//! The exception state and raising: every error the runtime reports goes
//! through this file.
//!
//! The process has one exception state ([`crate::exc_state`]): null, or the
//! exception instance being propagated (a GC reference, so a static root).
//! A runtime function marked `raises` in the ABI table reports an error by
//! allocating an instance of the registered builtin class (see
//! [`seam_register_builtin_classes`]), storing it in the state and
//! *returning* a meaningless result; generated code tests the state after
//! the call. An exception still set when the program's entry returns is
//! printed like CPython's traceback by [`report_uncaught`].
//!
//! Errors no handler may catch (shadow-stack overflow, errors of runtime
//! functions the ABI does not mark `raises`, raising before the classes are
//! registered) go through [`crate::fatal`], which prints the traceback and exits.
//! Knows nothing of where an error came from beyond its class and message.

use crate::class::{class_name, class_of, exc_message_text, new_instance};
pub(crate) use crate::exc_args::{Arg, raise_with_args};
pub(crate) use crate::exc_state::{current, set_current};
use crate::fatal::fatal;
pub(crate) use crate::fatal::traceback_text;
use crate::gcglue::{Roots, set_ref};
use crate::layout::EXC_MESSAGE;
use crate::strobj::{new_str, str_as_str};
use std::ptr::{null, null_mut};

pub use seam_abi::ExcKind;

/// The number of builtin exception kinds.
const KINDS: usize = ExcKind::COUNT;

/// The builtin exception classes' descriptors, indexed by [`ExcKind`]; null
/// until the program registers them.
static mut BUILTIN_CLASSES: [*const u8; KINDS] = [null(); KINDS];

/// The registered descriptor of builtin class `kind`, or null.
pub(crate) fn builtin_class(kind: ExcKind) -> *const u8 {
    // SAFETY: single-threaded access to the runtime's statics.
    unsafe { BUILTIN_CLASSES[kind as usize] }
}

/// An error computed by a helper that does not raise itself (parsers,
/// arithmetic), so that tests can inspect it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Exc {
    pub kind: ExcKind,
    pub msg: String,
    /// Its `args` when they are not `(msg,)` (see [`crate::exc_args`]); the
    /// message is then none when empty.
    pub args: Option<Vec<Arg>>,
}

impl Exc {
    pub(crate) fn new(kind: ExcKind, msg: impl Into<String>) -> Exc {
        Exc {
            kind,
            msg: msg.into(),
            args: None,
        }
    }

    /// An error whose `args` are `args`, with message `msg` (none when empty).
    pub(crate) fn with_args(kind: ExcKind, msg: impl Into<String>, args: Vec<Arg>) -> Exc {
        Exc {
            kind,
            msg: msg.into(),
            args: Some(args),
        }
    }

    /// Raises this error (sets the exception state and returns).
    pub(crate) fn raise(self) {
        match &self.args {
            Some(args) => raise_with_args(self.kind, &self.msg, args),
            None => raise(self.kind, &self.msg),
        }
    }
}

/// Unwraps `r`; on an error, raises it and returns the dummy result
/// `T::default()` (for functions whose results are plain numbers).
pub(crate) fn check<T: Default>(r: Result<T, Exc>) -> T {
    r.unwrap_or_else(|e| {
        e.raise();
        T::default()
    })
}

/// Raises builtin exception `kind` with message `msg` (empty for none): sets
/// the exception state and returns. The caller must return at once, with a
/// dummy result. May collect.
pub(crate) fn raise(kind: ExcKind, msg: &str) {
    if builtin_class(kind).is_null() {
        fatal(kind.qualified_name(), msg);
    }
    if kind == ExcKind::MemoryError && msg.is_empty() {
        crate::memory::raise_memory_error();
        return;
    }
    let text = new_str(msg);
    // SAFETY: `text` is a fresh str.
    unsafe { raise_with(kind, text) }
}

/// Raises builtin exception `kind` with the message `str` `msg` (null for
/// none). May collect.
///
/// # Safety
/// `msg` must be null or a live `str`; it is rooted here.
unsafe fn raise_with(kind: ExcKind, msg: *mut u8) {
    let desc = builtin_class(kind);
    if desc.is_null() {
        let text = if msg.is_null() {
            ""
        } else {
            // SAFETY: forwarded from the caller.
            unsafe { str_as_str(msg) }
        };
        fatal(kind.qualified_name(), text);
    }
    let roots = Roots::new();
    roots.push(msg);
    // SAFETY: registered builtin descriptors are the translator's class
    // descriptors, whose instances have room for the message; `msg` is rooted.
    unsafe {
        let exc = new_instance(desc);
        if exc.is_null() {
            crate::memory::raise_memory_error();
            return;
        }
        set_ref(exc, EXC_MESSAGE, msg as u64);
        set_current(exc);
    }
}

/// The traceback text for exception instance `exc`.
///
/// # Safety
/// `exc` must be a live instance.
unsafe fn uncaught_text(exc: *mut u8) -> String {
    // SAFETY: forwarded from the caller.
    unsafe { traceback_text(&class_name(class_of(exc)), &exc_message_text(exc)) }
}

/// If an exception is pending, clears the state and returns the traceback
/// text to print for it.
pub(crate) fn take_uncaught() -> Option<String> {
    let exc = current();
    if exc.is_null() {
        return None;
    }
    // The exception's `__str__` may run: the state is cleared first and the
    // exception rooted meanwhile; an exception `__str__` raises is dropped.
    set_current(null_mut());
    let roots = Roots::new();
    roots.push(exc);
    // SAFETY: `exc` is a live exception instance, rooted.
    let text = unsafe { uncaught_text(exc) };
    set_current(null_mut());
    Some(text)
}

/// If an exception is pending, clears it, flushes stdout and prints its
/// traceback to stderr; returns whether there was one (the program then
/// exits with status 1).
#[cfg(not(test))]
pub(crate) fn report_uncaught() -> bool {
    match take_uncaught() {
        Some(text) => {
            crate::output::write_stderr(text.as_bytes());
            true
        }
        None => false,
    }
}

// ---- the ABI ----

/// Raises builtin exception `kind` (an [`ExcKind`] value; unknown values mean
/// `Exception`) with message `msg` (a `str`, or null for none: `args` is then
/// `()`, as for `raise AssertionError` or an `assert` without a message).
///
/// # Safety
/// `msg` must be null or a live `str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_raise_builtin(kind: i64, msg: *mut u8) {
    // SAFETY: `msg` is null or a live str.
    unsafe { raise_with(ExcKind::from_id(kind).unwrap_or(ExcKind::Exception), msg) }
}

/// Sets the exception state to `exc`, an exception instance.
///
/// # Safety
/// `exc` must be a live exception instance.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_raise(exc: *mut u8) {
    set_current(exc);
}

/// Registers the builtin exception classes: `table` holds `n` descriptor
/// addresses indexed by [`ExcKind`] (extra entries are ignored).
///
/// # Safety
/// `table` must point to `n` readable pointers, each null or a class
/// descriptor that lives for the rest of the process.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn seam_register_builtin_classes(table: *const *const u8, n: i64) {
    let n = (n.max(0) as usize).min(KINDS);
    if table.is_null() || n == 0 {
        return;
    }
    // SAFETY: `table` holds `n` readable pointers (forwarded from the
    // caller); single-threaded access to the runtime's statics.
    unsafe {
        let classes: *mut *const u8 = (&raw mut BUILTIN_CLASSES).cast();
        std::ptr::copy_nonoverlapping(table, classes, n);
    }
    crate::memory::init_reserve();
}
