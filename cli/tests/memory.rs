//! Translated programs under a memory limit: running out of memory raises
//! `MemoryError`, which the program catches and survives.
//!
//! Each program `tests/memory/NAME.py` (`grow_list`, `grow_str`, `grow_dict`, `grow_objects`) grows a list, strings, a dict or lists of small objects
//! until `MemoryError`, catches it, drops what it built, allocates again and
//! exits with status 0. It is built with `seam build-core` and run as
//!
//! ```text
//!   sh -c 'ulimit -v LIMIT_KB && exec "$0"' TMP/NAME
//! ```
//!
//! and must print `tests/memory/NAME.stdout` (recorded from CPython under
//! the same limit with `SEAM_BLESS=1`, except the few in [`NOT_FROM_CPYTHON`]) with status 0 and nothing on stderr:
//! an abort, a crash or an uncaught `MemoryError` fails the test. The limit
//! is on address space, so it also covers what the runtime reserves without
//! touching (the program's 256 MiB stack and the collector's shadow stack,
//! see "Memory" in docs/language.md); each run takes well under a second.
//!
//! These programs are not in `tests/programs`: without a limit they would
//! take all the memory of the machine.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::{
    RunOutput, blessing, describe_exit, diff, run_command, show_command, workspace_root,
};

/// The address-space limit the programs run under, in KiB (`ulimit -v`).
const LIMIT_KB: u64 = 400 << 10;

/// Programs whose expectation is written by hand: CPython itself cannot
/// handle their `MemoryError` (its handler is refused memory again and it
/// ends with nested `MemoryError`s), so blessing leaves them alone. What they
/// print is fixed by their source.
const NOT_FROM_CPYTHON: &[&str] = &["grow_objects"];

/// `program` (and its arguments) run under [`LIMIT_KB`].
fn limited(program: &str) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v {LIMIT_KB} && exec \"$0\" \"$@\""))
        .arg(program);
    cmd
}

/// A fresh scratch directory for `name`'s build.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("memory-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("creating the scratch directory");
    dir
}

/// What went wrong with `out` against the expected stdout, if anything.
fn mismatch(cmd: &Command, out: &RunOutput, expected: &[u8]) -> Option<String> {
    let clean = out.status == Some(0) && out.stderr.is_empty() && out.stdout == expected;
    (!clean).then(|| {
        format!(
            "{}\n{}\nstderr:\n{}\nstdout diff (expected, actual):\n{}",
            show_command(cmd),
            describe_exit(out),
            String::from_utf8_lossy(&out.stderr),
            diff(expected, &out.stdout)
        )
    })
}

/// Builds `tests/memory/NAME.py` and checks its run under the limit; with
/// `SEAM_BLESS=1`, records CPython's stdout under the same limit first.
fn check(name: &str) {
    let root = workspace_root().expect("the workspace root");
    let source = root.join(format!("tests/memory/{name}.py"));
    let expected_path = root.join(format!("tests/memory/{name}.stdout"));
    if blessing() && !NOT_FROM_CPYTHON.contains(&name) {
        let mut py = limited("python3");
        py.arg(&source).current_dir(&root);
        let out = run_command(&mut py).expect("running python3");
        assert_eq!(
            out.status,
            Some(0),
            "CPython under the limit: {}\n{}",
            describe_exit(&out),
            String::from_utf8_lossy(&out.stderr)
        );
        fs::write(&expected_path, &out.stdout).expect("recording the expectation");
    }
    let expected =
        fs::read(&expected_path).unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
    let dir = scratch(name);
    let exe = dir.join(name);
    let mut build = Command::new(env!("CARGO_BIN_EXE_seam"));
    build
        .arg("build-core")
        .arg(&source)
        .arg("-o")
        .arg(&exe)
        .current_dir(&root);
    let out = run_command(&mut build).expect("running seam build-core");
    assert_eq!(
        out.status,
        Some(0),
        "{}\n{}",
        show_command(&build),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut run = limited(exe.to_str().expect("a UTF-8 path"));
    run.current_dir(&root);
    let out = run_command(&mut run).expect("running the program");
    if let Some(report) = mismatch(&run, &out, &expected) {
        panic!("{name}: {report}");
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_growing_list_raises_memory_error_and_the_program_goes_on() {
    check("grow_list");
}

#[test]
fn growing_strings_raise_memory_error_and_the_program_goes_on() {
    check("grow_str");
}

#[test]
fn a_growing_dict_raises_memory_error_and_the_program_goes_on() {
    check("grow_dict");
}

#[test]
fn growing_objects_raise_memory_error_and_the_program_goes_on() {
    check("grow_objects");
}
