//! A few GC-heavy translated programs under valgrind's memory checker.
//!
//! Each program in [`PROGRAMS`] is a corpus program (`tests/programs`): it is
//! built with `seam build-core` and run as
//!
//! ```text
//!   SEAM_GC_STRESS=1 valgrind --error-exitcode=VG_ERROR --leak-check=no -q TMP/NAME ARGS
//! ```
//!
//! with the arguments and expectations of the corpus's own stress run
//! (`NAME.stress_args` and `NAME.stress_stdout`... when the program has them,
//! else `NAME.args` and `NAME.stdout`...; see `cli/tests/corpus.rs`). The run
//! passes when valgrind reports nothing and the program's stdout, exit status
//! and last stderr line are the expected ones. A collection at every
//! allocation makes the collector touch every object as soon as it can, so a
//! missed root or a bad object layout shows up as a read of freed or
//! uninitialised memory at the allocation after the mistake.
//!
//! Leaks are not checked: the heap, the shadow stack and the alternate signal
//! stack are deliberately never freed. Valgrind exits with [`VG_ERROR`] (not 1,
//! which programs use for an uncaught exception) when it reports an error.
//!
//! valgrind must be installed (CI's `.ci/run` installs it): a missing valgrind
//! is a failure, unless `SEAM_SKIP_VALGRIND=1` says to skip the test. A
//! valgrind that reports false positives from `std` or the runtime's deliberate
//! tricks gets a targeted suppression in `tests/valgrind.supp` (each entry
//! with a comment saying why), which is passed when it exists; checks are
//! never turned off wholesale.
//!
//! Arguments after `--` that do not start with `-` select programs whose name
//! contains them; `--list` lists them. The test has its own `main`
//! (`harness = false`) like the corpus.

mod support;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, Result};

use support::{
    BLESS_VAR, ExpectationFiles, Expected, Tool, describe_exit, diff, find_tool, indent, last_line,
    read_args, run_command, run_parallel, show_command, tail, workspace_root,
};

/// The programs checked: allocation-heavy ones with classes, lists, dicts,
/// strings, and exceptions unwinding through frames that hold references.
/// Each takes a few seconds under valgrind with a collection at every
/// allocation; keep it so (a smaller `NAME.stress_args` helps).
const PROGRAMS: &[&str] = &[
    // Classes: a binary search tree of objects, built, walked and rebuilt.
    "cls_binary_tree",
    // Strings, lists and dicts: word frequencies, sorting.
    "word_count",
    // Exceptions carrying objects out of deep recursion; garbage left in
    // the unwound frames.
    "exc_gc_unwind",
    // Function values: bound methods whose receivers only they keep alive,
    // called through one indirect call.
    "callable_builtins_table",
    // Dunder methods that change, and drop elements from, the list or dict
    // being compared, searched or printed.
    "alias_mutating_methods",
];

/// Valgrind's exit status when it reported an error.
const VG_ERROR: i32 = 99;

/// Set to skip the test when valgrind is not installed.
const SKIP_VAR: &str = "SEAM_SKIP_VALGRIND";

/// Suppressions for valgrind's false positives, relative to the workspace root.
const SUPPRESSIONS: &str = "tests/valgrind.supp";

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("valgrind: harness error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

struct Env {
    root: PathBuf,
    seam: PathBuf,
    tmp: PathBuf,
}

fn run() -> Result<bool> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let filters = support::filters(&args);
    let mut programs: Vec<&str> = PROGRAMS.to_vec();
    if !filters.is_empty() {
        programs.retain(|p| filters.iter().any(|f| label(p).contains(f)));
    }
    if args.iter().any(|a| a == "--list") {
        for program in &programs {
            println!("{}: test", label(program));
        }
        return Ok(true);
    }

    let version = match find_tool(
        "valgrind",
        &["valgrind", "--version"],
        SKIP_VAR,
        "Debian/Ubuntu: `apt-get install valgrind`",
    ) {
        Tool::Found(version) => version,
        Tool::Skipped => return Ok(true),
        Tool::Missing => return Ok(false),
    };

    let root = workspace_root()?;
    let tmp =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("valgrind-{}", std::process::id()));
    fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let env = Env {
        root,
        seam: PathBuf::from(env!("CARGO_BIN_EXE_seam")),
        tmp,
    };
    println!(
        "valgrind: running {} cases under {version} with SEAM_GC_STRESS=1",
        programs.len()
    );
    let mut failed = run_parallel(&programs, &|p| label(p), &|p| run_program(&env, p));
    let _ = fs::remove_dir_all(&env.tmp);
    failed.sort();
    for (label, report) in &failed {
        println!();
        println!("---- {label} ----");
        print!("{report}");
    }
    println!();
    println!(
        "valgrind: {} passed, {} failed",
        programs.len() - failed.len(),
        failed.len()
    );
    Ok(failed.is_empty())
}

fn label(program: &&str) -> String {
    format!("valgrind/{program}")
}

/// Builds and runs one program under valgrind; returns an empty string
/// when it passes, else the report.
fn run_program(env: &Env, name: &str) -> Result<String> {
    let mut report = String::new();
    let base = Path::new("tests/programs").join(name);
    let file = |ext: &str| {
        let mut path = base.clone().into_os_string();
        path.push(".");
        path.push(ext);
        PathBuf::from(path)
    };
    let entry = if env.root.join(file("py")).is_file() {
        file("py")
    } else {
        base.join("main.py")
    };
    // The corpus's stress run: its own arguments and expectations if any.
    let prefix = if env.root.join(file("stress_args")).exists() {
        "stress_"
    } else {
        ""
    };
    let args = read_args(&env.root.join(file(&format!("{prefix}args"))))?;
    let files = ExpectationFiles {
        stdout: file(&format!("{prefix}stdout")),
        status: file(&format!("{prefix}status")),
        stderr_last: file(&format!("{prefix}stderr_last")),
    };
    let expected = match files.read(&env.root) {
        Ok(expected) => expected,
        Err(err) => {
            let _ = writeln!(
                report,
                "{err:#}\nhint: record CPython's behaviour with `{BLESS_VAR}=1 cargo test -p seam --test corpus -- {name}`"
            );
            return Ok(report);
        }
    };

    let binary = env.tmp.join(name);
    let mut build = Command::new(&env.seam);
    build
        .current_dir(&env.root)
        .arg("build-core")
        .arg(&entry)
        .arg("-o")
        .arg(&binary);
    let out = run_command(&mut build)?;
    if out.timed_out || out.status != Some(0) {
        let _ = writeln!(
            report,
            "[seam build-core] failed ({}): {}",
            describe_exit(&out),
            show_command(&build)
        );
        report.push_str(&indent(&tail(&out.stderr, 30)));
        return Ok(report);
    }

    let mut run = Command::new("valgrind");
    run.current_dir(&env.root)
        .env("SEAM_GC_STRESS", "1")
        .arg(format!("--error-exitcode={VG_ERROR}"))
        .arg("--leak-check=no")
        .arg("-q");
    if env.root.join(SUPPRESSIONS).exists() {
        run.arg(format!("--suppressions={SUPPRESSIONS}"));
    }
    run.arg(&binary).args(&args);
    let out = run_command(&mut run)?;
    check(&mut report, &run, &out, &expected);
    let _ = fs::remove_file(&binary);
    let mut exports = binary.into_os_string();
    exports.push(".exports");
    let _ = fs::remove_file(exports);
    Ok(report)
}

/// Appends to `report` what valgrind reported and every way the run differs
/// from `expected`.
fn check(report: &mut String, cmd: &Command, out: &support::RunOutput, expected: &Expected) {
    // With -q valgrind writes nothing but its error reports, every line
    // prefixed with `==PID==`; the rest of stderr is the program's.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let (valgrind, program): (Vec<&str>, Vec<&str>) = stderr
        .lines()
        .partition(|l| l.starts_with("==") && l[2..].contains("=="));
    let mut problems = String::new();
    if out.status == Some(VG_ERROR) || !valgrind.is_empty() {
        let _ = writeln!(problems, "valgrind reported errors:");
        for line in valgrind.iter().take(200) {
            let _ = writeln!(problems, "  {line}");
        }
        if valgrind.len() > 200 {
            let _ = writeln!(problems, "  ... ({} lines in all)", valgrind.len());
        }
    }
    if out.timed_out {
        let _ = writeln!(problems, "timed out after {:?}", support::TIMEOUT);
    } else if out.status != Some(expected.status) && out.status != Some(VG_ERROR) {
        let _ = writeln!(
            problems,
            "exit status: expected {}, got {}",
            expected.status,
            describe_exit(out)
        );
    }
    if out.stdout != expected.stdout {
        let _ = writeln!(problems, "stdout differs (-expected +actual):");
        problems.push_str(&diff(&expected.stdout, &out.stdout));
    }
    let program_stderr = program.join("\n");
    if let Some(want) = &expected.stderr_last {
        let got = last_line(program_stderr.as_bytes());
        if &got != want {
            let _ = writeln!(problems, "last stderr line: expected {want:?}, got {got:?}");
        }
    }
    if !problems.is_empty() {
        let _ = writeln!(report, "[valgrind] {}", show_command(cmd));
        report.push_str(&indent(&problems));
        let stderr_tail = tail(program_stderr.as_bytes(), 15);
        if !stderr_tail.is_empty() {
            report.push_str("  program's stderr:\n");
            report.push_str(&indent(&indent(&stderr_tail)));
        }
    }
}
