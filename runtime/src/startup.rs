//! Process start-up of the runtime's state, in one place: the hash key, the
//! collector, then each module that owns global state, in the order they
//! need each other, and the stack limit and fault handler. Nothing below
//! this module starts another module: each `init` only prepares its own
//! state.
//!
//! The C entry point ([`crate::entry`]) calls [`start_process`] before any
//! generated code runs; the unit tests call [`init`], the part they need,
//! before each test.

/// Prepares the collector and the runtime's own state (static roots, the
/// output buffer's mode). Idempotent.
///
/// # Safety
/// The runtime is single-threaded: no other thread may be using it or the
/// collector meanwhile.
pub unsafe fn init() {
    // SAFETY: forwarded from the caller; the collector comes first, since
    // the others register static roots with it.
    unsafe {
        seam_gc::init();
        crate::exc_state::init();
    }
    crate::strobj::init_cache();
    crate::output::init();
}

/// Prepares the whole process for the program: the per-process hash key
/// (which refuses a malformed `SEAM_HASHSEED`: the error is the message to
/// print), [`init`], and, before any generated code runs, the stack limit
/// (too deep recursion raises `RecursionError`) and the fault handler (a
/// fault reports an error instead of a bare `SIGSEGV`).
///
/// # Safety
/// As for [`init`]; called once, on the thread that runs the program.
#[cfg(not(test))]
pub(crate) unsafe fn start_process() -> Result<(), String> {
    crate::hashkey::init()?;
    // SAFETY: forwarded from the caller.
    unsafe { init() };
    if let Some(stack) = crate::fault::install() {
        crate::ints::set_stack_limit(stack.lo);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// The runtime's infrastructure modules and the only modules of the
    /// crate each may name: they sit below the object model (`str`, `list`,
    /// `dict`, exceptions...), which may use them but never the reverse.
    const LAYERS: &[(&str, &str, &[&str])] = &[
        ("exc_state", include_str!("exc_state.rs"), &[]),
        ("output", include_str!("output.rs"), &["layout"]),
        ("fatal", include_str!("fatal.rs"), &["exc_state", "output"]),
        ("gcglue", include_str!("gcglue.rs"), &["layout", "fatal"]),
        ("fault", include_str!("fault.rs"), &["output"]),
    ];

    /// The modules a source names as `crate::NAME`, outside comments.
    fn named_modules(src: &str) -> Vec<String> {
        let mut out = Vec::new();
        for line in src.lines() {
            let code = line.split("//").next().unwrap_or("");
            let mut rest = code;
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && !out.contains(&name) {
                    out.push(name);
                }
            }
        }
        out
    }

    #[test]
    fn infrastructure_modules_do_not_reach_into_the_object_model() {
        for (module, src, allowed) in LAYERS {
            for name in named_modules(src) {
                // Upper-case names are the crate root's constants (`crate::MISSING`).
                let is_module = name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
                assert!(
                    !is_module || allowed.contains(&name.as_str()),
                    "runtime/src/{module}.rs names crate::{name}, which it must not depend on"
                );
            }
        }
    }
}
