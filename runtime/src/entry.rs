//! The C entry point of a translated program: starts the thread the program
//! runs on, with a large stack, and there prepares the collector, the output
//! buffer, the stack limit ([`crate::ints`]) and the fault handler
//! ([`crate::fault`]), builds `argv` as
//! a `list[str]`, calls the generated `seam_program_main`, reports an
//! exception that escaped it (traceback, status 1; an uncaught `SystemExit`
//! gives its status quietly), flushes open files and stdout and returns the
//! exit status.
//!
//! Compiled out of the crate's own unit tests, whose harness has its own
//! `main` and no generated program to call.

#[cfg(not(test))]
mod c_main {
    use crate::error::report_uncaught;
    use crate::gcglue::Roots;
    use crate::list::{list_append_word, new_list};
    use crate::output::flush_stdout;
    use crate::strobj::new_str;
    use std::ffi::{CStr, c_char, c_int};

    unsafe extern "C" {
        /// Registers a function to run at process exit.
        fn atexit(callback: extern "C" fn()) -> c_int;
        /// Ends the process without running exit handlers again.
        fn _exit(status: c_int) -> !;

        /// Defined by generated code: registers roots, creates literals, runs
        /// module initialisers and calls the user's `main(argv)`.
        #[link_name = seam_abi::program_main_symbol!()]
        fn program_main(argv: *mut u8) -> i64;
    }

    /// The process entry point: runs the program on a thread of its own with
    /// a large stack (see [`crate::ints::PROGRAM_STACK_SIZE`]), or on this one
    /// when that thread cannot be created.
    ///
    /// # Safety
    /// Called by the C runtime with `argc` valid NUL-terminated strings in `argv`.
    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn main(argc: c_int, argv: *const *const c_char) -> c_int {
        let args: Vec<String> = (0..argc.max(0) as usize)
            .map(|i| {
                // SAFETY: the C runtime passes `argc` valid C strings.
                let arg = unsafe { CStr::from_ptr(*argv.add(i)) };
                arg.to_string_lossy().into_owned()
            })
            .collect();
        let program = std::thread::Builder::new()
            .name("seam-main".into())
            .stack_size(crate::ints::PROGRAM_STACK_SIZE);
        // The closure is given to exactly one of the two paths: spawning
        // fails only before it runs, and then hands nothing back, so the
        // arguments are kept for the fallback.
        let fallback = args.clone();
        match program.spawn(move || run(args)) {
            Ok(handle) => handle.join().unwrap_or(1),
            Err(_) => run(fallback),
        }
    }

    /// Prepares the runtime on the calling thread, runs the generated program
    /// and returns its exit status.
    fn run(args: Vec<String>) -> c_int {
        // SAFETY: this thread is the only one that runs the program.
        if let Err(message) = unsafe { crate::startup::start_process() } {
            eprintln!("seam: {message}");
            return 1;
        }
        // SAFETY: `atexit` only stores the function pointer.
        unsafe { atexit(report_at_exit) };
        let roots = Roots::new();
        let list = roots.push(new_list(true, args.len()));
        for arg in &args {
            let s = new_str(arg);
            // SAFETY: `list` is a live, rooted list of references.
            unsafe { list_append_word(list, s as u64) };
        }
        // SAFETY: the generated program's entry takes a live `list[str]`.
        let mut status = unsafe { program_main(list) };
        drop(roots);
        // Open files are flushed at exit, whatever happens, as CPython does.
        crate::file::flush_all();
        // An uncaught `SystemExit` ends the program quietly with its status.
        if let Some(code) = crate::file::take_system_exit() {
            status = code;
        }
        if report_uncaught() {
            return 1;
        }
        flush_stdout();
        // The OS keeps the low 8 bits of the status, as for Python's sys.exit(int).
        (status & 0xff) as c_int
    }

    /// For robustness: an exception still pending when the process exits by
    /// another path than `main` returning is reported, with status 1.
    extern "C" fn report_at_exit() {
        crate::file::flush_all();
        if report_uncaught() {
            // SAFETY: ends the process at once; stdout was flushed by the report.
            unsafe { _exit(1) }
        }
    }
}
