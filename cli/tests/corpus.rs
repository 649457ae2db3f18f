//! The corpus harness: the `seam` binary against CPython, program by program.
//!
//! Tests are data.  Adding a file adds a test:
//!
//! ```text
//! tests/programs/NAME.py            a core program (or NAME/main.py plus its modules)
//! tests/programs/NAME.args          optional: its arguments, one per line; a line
//!                                   `$TMPDIR` is a fresh empty directory for each run
//! tests/programs/NAME.stdin         optional: what each run reads as standard input
//! tests/programs/NAME.stdout        expected stdout bytes          } written by CPython
//! tests/programs/NAME.status        expected exit status           } through shim/bootstrap.py
//! tests/programs/NAME.stderr_last   expected last stderr line      } (status 1 only)
//! tests/programs/NAME.stress_args   optional: smaller arguments for the stress run
//! tests/programs/NAME.stress_stdout, .stress_status, .stress_stderr_last
//!                                   the same expectations with NAME.stress_args
//! tests/programs/NAME.translated_status, .translated_stdout, .translated_stderr_last
//!                                   optional, written by hand: what the translated
//!                                   runs do instead, for a sanctioned difference
//! tests/errors/NAME.py              a program `seam check` rejects (or NAME/main.py)
//! tests/errors/NAME.stderr          the expected diagnostics        written by `seam check`
//! ```
//!
//! Every program runs four ways and all must agree with the expectation:
//!
//! ```text
//!   python3 shim/bootstrap.py ENTRY ARGS   (only when blessing: it *is* the expectation)
//!   seam py ENTRY [-- ARGS]                ──┐
//!   seam build-core ENTRY -o TMP/NAME        │
//!   TMP/NAME ARGS                            ├─ stdout bytes, exit status, last stderr line
//!   SEAM_GC_STRESS=1 TMP/NAME ARGS         ──┘
//! ```
//!
//! The last run collects at every allocation, and checks the heap after every
//! sixteenth collection (`SEAM_GC_VERIFY=16`), which is slow for programs
//! that allocate much: such a program reads a smaller size from its
//! arguments, given in `NAME.stress_args` and checked against expectations
//! of its own (`NAME.stress_stdout`...), blessed from CPython with those
//! arguments.  Keep every stress run within a few seconds.
//!
//! A program whose translation differs from CPython by a sanctioned
//! difference (an `OverflowError` where CPython computes a big integer, see
//! the language reference) has `NAME.translated_*` expectations: `seam py`
//! is still checked against CPython's, the translated runs against these
//! (the stress run too, unless it has arguments and expectations of its
//! own, which are CPython's). They are written by hand, never blessed, and
//! only for such differences: a program whose outputs can agree three ways
//! should be written so that they do.
//!
//! Commands run with the workspace root as current directory and relative
//! paths, so diagnostics name files as `tests/errors/NAME.py`.
//!
//! `SEAM_BLESS=1 cargo test -p seam --test corpus` rewrites the expectations:
//! program outputs from CPython (never from the translated binary, which is
//! what is under test), diagnostics from `seam check`.  A missing expectation
//! is a failure that says how to bless, never a silent pass.
//!
//! Arguments after `--` that do not start with `-` select cases whose name
//! contains them (`cargo test -p seam --test corpus -- dict_ err_`); `--list`
//! lists the cases.  The harness has its own `main` (`harness = false`) so it
//! can run the cases on its own threads and report every failure at the end.

mod support;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, Result};

use support::{
    BLESS_VAR, ExpectationFiles, THREADS, TIMEOUT, blessing, compare_run_input, describe_exit,
    diff, indent, print_failures, read_args, run_command, run_command_input, run_parallel,
    show_command, tail, workspace_root, write_file,
};

fn main() -> ExitCode {
    match run_corpus() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("corpus: harness error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// What a case checks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CaseKind {
    /// A program whose behaviour must match CPython's.
    Program,
    /// A program that `seam check` must reject with the recorded diagnostics.
    Error,
}

struct Case {
    kind: CaseKind,
    /// `NAME`: the file stem, or the directory name for a multi-module program.
    name: String,
    /// The entry module, relative to the workspace root.
    entry: PathBuf,
    /// `tests/programs/NAME` or `tests/errors/NAME`, relative to the workspace
    /// root: expectation files are this path plus an extension.
    base: PathBuf,
}

impl Case {
    fn expectation(&self, ext: &str) -> PathBuf {
        let mut name = self.base.as_os_str().to_owned();
        name.push(".");
        name.push(ext);
        PathBuf::from(name)
    }

    /// The expectation files, their extensions prefixed with `prefix`
    /// (`""`, or [`STRESS_PREFIX`] for the stress run's own).
    fn expectations(&self, prefix: &str) -> ExpectationFiles {
        ExpectationFiles {
            stdout: self.expectation(&format!("{prefix}stdout")),
            status: self.expectation(&format!("{prefix}status")),
            stderr_last: self.expectation(&format!("{prefix}stderr_last")),
        }
    }
}

/// The prefix of the extensions of a program's stress-run files
/// (`NAME.stress_args`, `NAME.stress_stdout`...).
const STRESS_PREFIX: &str = "stress_";

/// The prefix of the extensions of a program's hand-written expectations for
/// its translated runs (`NAME.translated_status`...), where they differ.
const TRANSLATED_PREFIX: &str = "translated_";

/// The environment variable that makes a translated program collect at
/// every allocation.
const STRESS_VAR: &str = "SEAM_GC_STRESS";
/// Checks the heap after every collection (with the stress runs).
const VERIFY_VAR: &str = "SEAM_GC_VERIFY";

/// Everything shared by the worker threads.
struct Env {
    root: PathBuf,
    seam: PathBuf,
    tmp: PathBuf,
    bless: bool,
}

impl Env {
    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        support::command(program, &self.root)
    }

    fn abs(&self, relative: &Path) -> PathBuf {
        self.root.join(relative)
    }
}

fn run_corpus() -> Result<bool> {
    let root = workspace_root()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let filters = support::filters(&args);

    let mut cases = discover(&root, "tests/programs", CaseKind::Program)?;
    cases.extend(discover(&root, "tests/errors", CaseKind::Error)?);
    let orphans = orphan_expectations(&root, &cases)?;
    if !filters.is_empty() {
        cases.retain(|c| filters.iter().any(|f| case_label(c).contains(f)));
    }
    if args.iter().any(|a| a == "--list") {
        for case in &cases {
            println!("{}: test", case_label(case));
        }
        return Ok(true);
    }

    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("corpus-{}", std::process::id()));
    fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let env = Env {
        root,
        seam: PathBuf::from(env!("CARGO_BIN_EXE_seam")),
        tmp,
        bless: blessing(),
    };

    let mode = if env.bless { " (blessing)" } else { "" };
    println!(
        "corpus: running {} cases on {THREADS} threads{mode}",
        cases.len()
    );
    let failures = run_parallel(&cases, &case_label, &|case| run_case(&env, case));
    let _ = fs::remove_dir_all(&env.tmp);

    let mut failed: Vec<(String, String)> = failures;
    if filters.is_empty() {
        for (orphan, why) in orphans {
            failed.push((orphan.display().to_string(), format!("{why}\n")));
        }
    }
    failed.sort();

    print_failures("corpus", &failed, env.bless);
    let passed = cases.len() - count_failed_cases(&failed, &cases);
    println!();
    println!("corpus: {passed} passed, {} failed", failed.len());
    Ok(failed.is_empty())
}

/// Failures that belong to a case (as opposed to orphan expectation files).
fn count_failed_cases(failed: &[(String, String)], cases: &[Case]) -> usize {
    failed
        .iter()
        .filter(|(label, _)| cases.iter().any(|c| &case_label(c) == label))
        .count()
}

fn case_label(case: &Case) -> String {
    match case.kind {
        CaseKind::Program => format!("programs/{}", case.name),
        CaseKind::Error => format!("errors/{}", case.name),
    }
}

/// Finds `DIR/NAME.py` files and `DIR/NAME/main.py` programs, sorted by name.
fn discover(root: &Path, dir: &str, kind: CaseKind) -> Result<Vec<Case>> {
    let mut cases = Vec::new();
    let abs = root.join(dir);
    if !abs.is_dir() {
        return Ok(cases);
    }
    for entry in fs::read_dir(&abs).with_context(|| format!("reading {}", abs.display()))? {
        let entry = entry?;
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let path = entry.path();
        let rel = Path::new(dir).join(file_name);
        if path.is_file() {
            if let Some(stem) = file_name.strip_suffix(".py") {
                cases.push(Case {
                    kind,
                    name: stem.to_string(),
                    entry: rel.clone(),
                    base: Path::new(dir).join(stem),
                });
            }
        } else if path.is_dir() && path.join("main.py").is_file() {
            cases.push(Case {
                kind,
                name: file_name.to_string(),
                entry: rel.join("main.py"),
                base: rel,
            });
        }
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}

/// Expectation files whose program is gone, and stress expectations without
/// the `NAME.stress_args` that would make them read, with what is wrong with
/// each: they would otherwise rot silently.
fn orphan_expectations(root: &Path, cases: &[Case]) -> Result<Vec<(PathBuf, &'static str)>> {
    let mut orphans = Vec::new();
    for (dir, kind, exts) in [
        (
            "tests/programs",
            CaseKind::Program,
            &[
                "stdout",
                "status",
                "stderr_last",
                "args",
                "stdin",
                "stress_args",
                "stress_stdout",
                "stress_status",
                "stress_stderr_last",
                "translated_stdout",
                "translated_status",
                "translated_stderr_last",
            ][..],
        ),
        ("tests/errors", CaseKind::Error, &["stderr"][..]),
    ] {
        let abs = root.join(dir);
        if !abs.is_dir() {
            continue;
        }
        for entry in fs::read_dir(&abs)? {
            let name = entry?.file_name();
            let Some(name) = name.to_str() else { continue };
            let Some((stem, ext)) = name.rsplit_once('.') else {
                continue;
            };
            if exts.contains(&ext) && !cases.iter().any(|c| c.kind == kind && c.name == stem) {
                orphans.push((
                    Path::new(dir).join(name),
                    "expectation file without a program: delete it or restore its program",
                ));
            } else if kind == CaseKind::Program
                && ext.starts_with(STRESS_PREFIX)
                && ext != "stress_args"
                && !abs.join(format!("{stem}.stress_args")).exists()
            {
                // Without `NAME.stress_args` the stress run checks the
                // plain expectations: these would never be read.
                orphans.push((
                    Path::new(dir).join(name),
                    "stress expectation without its NAME.stress_args: delete it or restore the arguments",
                ));
            }
        }
    }
    Ok(orphans)
}

/// Runs one case; returns an empty string when it passes, else the report.
fn run_case(env: &Env, case: &Case) -> Result<String> {
    match case.kind {
        CaseKind::Program => run_program(env, case),
        CaseKind::Error => run_error(env, case),
    }
}

/// The placeholder argument a fresh temporary directory replaces.
const TMPDIR_ARG: &str = "$TMPDIR";

/// `args` with [`TMPDIR_ARG`] replaced by a fresh empty directory for run `run` of `case`.
fn with_tmpdir(env: &Env, case: &Case, run: &str, args: &[String]) -> Result<Vec<String>> {
    if !args.iter().any(|a| a == TMPDIR_ARG) {
        return Ok(args.to_vec());
    }
    let dir = env.tmp.join(format!("{}.{run}.d", case.name));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let dir = dir.to_string_lossy().into_owned();
    Ok(args
        .iter()
        .map(|a| {
            if a == TMPDIR_ARG {
                dir.clone()
            } else {
                a.clone()
            }
        })
        .collect())
}

fn run_program(env: &Env, case: &Case) -> Result<String> {
    let args = read_args(&env.abs(&case.expectation("args")))?;
    let stdin_path = env.abs(&case.expectation("stdin"));
    let stdin = stdin_path.exists().then_some(stdin_path.as_path());
    // The stress run's own arguments and expectations, when it has them.
    let stress_args_path = case.expectation(&format!("{STRESS_PREFIX}args"));
    let stress = if env.abs(&stress_args_path).exists() {
        Some((
            read_args(&env.abs(&stress_args_path))?,
            case.expectations(STRESS_PREFIX),
        ))
    } else {
        None
    };
    let mut report = String::new();

    if env.bless {
        let mut blessed = bless_from_cpython(
            env,
            case,
            &with_tmpdir(env, case, "bless", &args)?,
            stdin,
            &case.expectations(""),
            &mut report,
        )?;
        if let Some((stress_args, stress_files)) = &stress {
            blessed &= bless_from_cpython(
                env,
                case,
                &with_tmpdir(env, case, "bless_stress", stress_args)?,
                stdin,
                stress_files,
                &mut report,
            )?;
        }
        if !blessed {
            return Ok(report);
        }
    }

    let expected = match read_expectations(case, &case.expectations(""), env) {
        Ok(expected) => expected,
        Err(missing) => {
            report.push_str(&missing);
            return Ok(report);
        }
    };
    // The translated runs' own expectations, for a sanctioned difference.
    let translated_files = case.expectations(TRANSLATED_PREFIX);
    let translated = if env.abs(&translated_files.status).exists() {
        match translated_files.read(&env.root) {
            Ok(e) => Some(e),
            Err(err) => {
                let _ = writeln!(report, "{err:#}");
                return Ok(report);
            }
        }
    } else {
        None
    };

    // Untranslated, through the shim.
    let mut py = env.command(&env.seam);
    py.arg("py").arg(&case.entry);
    if !args.is_empty() {
        py.arg("--").args(with_tmpdir(env, case, "py", &args)?);
    }
    compare_run_input(&mut report, "seam py", &mut py, &expected, stdin)?;

    // Translated.
    let binary = env.tmp.join(&case.name);
    let mut build = env.command(&env.seam);
    build
        .arg("build-core")
        .arg(&case.entry)
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
    } else {
        let expected = translated.unwrap_or(expected);
        let mut run = env.command(&binary);
        run.args(with_tmpdir(env, case, "translated", &args)?)
            .env_remove(STRESS_VAR);
        compare_run_input(&mut report, "translated", &mut run, &expected, stdin)?;

        // Translated, collecting at every allocation.
        let stress_expected = match &stress {
            None => Ok((args.as_slice(), expected)),
            Some((stress_args, files)) => {
                read_expectations(case, files, env).map(|e| (stress_args.as_slice(), e))
            }
        };
        match stress_expected {
            Ok((stress_args, stress_expected)) => {
                let mut run = env.command(&binary);
                run.args(with_tmpdir(env, case, "stress", stress_args)?)
                    .env(STRESS_VAR, "1")
                    .env(VERIFY_VAR, "16");
                compare_run_input(
                    &mut report,
                    "translated, GC stress",
                    &mut run,
                    &stress_expected,
                    stdin,
                )?;
            }
            Err(missing) => report.push_str(&missing),
        }
    }
    for run in ["bless", "bless_stress", "py", "translated", "stress"] {
        let _ = fs::remove_dir_all(env.tmp.join(format!("{}.{run}.d", case.name)));
    }
    let _ = fs::remove_file(&binary);
    let _ = fs::remove_file(binary.with_extension("exports"));
    let mut exports = binary.into_os_string();
    exports.push(".exports");
    let _ = fs::remove_file(exports);
    Ok(report)
}

/// Runs the program on CPython with `args` and records what it does in
/// `files`; returns false (having said why in `report`) when CPython timed
/// out or was killed.
fn bless_from_cpython(
    env: &Env,
    case: &Case,
    args: &[String],
    stdin: Option<&Path>,
    files: &ExpectationFiles,
    report: &mut String,
) -> Result<bool> {
    // The same interpreter `seam py` uses.
    let python = std::env::var_os("SEAM_PYTHON").unwrap_or_else(|| "python3".into());
    let mut cmd = env.command(python);
    cmd.arg(Path::new("shim").join("bootstrap.py"))
        .arg(&case.entry)
        .args(args);
    let out = run_command_input(&mut cmd, stdin)?;
    if out.timed_out {
        let _ = writeln!(
            report,
            "CPython timed out after {TIMEOUT:?}: {}",
            show_command(&cmd)
        );
        return Ok(false);
    }
    let Some(status) = out.status else {
        let _ = writeln!(
            report,
            "CPython was killed by a signal: {}",
            show_command(&cmd)
        );
        return Ok(false);
    };
    files.record(&env.root, status, &out.stdout, &out.stderr)?;
    Ok(true)
}

/// Reads `files`; a missing or malformed expectation is the report that
/// says so and how to bless it.
fn read_expectations(
    case: &Case,
    files: &ExpectationFiles,
    env: &Env,
) -> Result<support::Expected, String> {
    files.read(&env.root).map_err(|err| {
        format!(
            "{err:#}\nhint: record CPython's behaviour with `{BLESS_VAR}=1 cargo test -p seam --test corpus -- {}`\n",
            case.name
        )
    })
}

fn run_error(env: &Env, case: &Case) -> Result<String> {
    let mut report = String::new();
    let source = fs::read_to_string(env.abs(&case.entry))
        .with_context(|| format!("reading {}", case.entry.display()))?;
    // A byte-order mark is not part of the first line (tests/errors/bom_column.py has one).
    if !source
        .trim_start_matches('\u{feff}')
        .starts_with("# expect: ")
    {
        let _ = writeln!(
            report,
            "{}: the first line must be `# expect: <what the error is>`",
            case.entry.display()
        );
    }
    let mut cmd = env.command(&env.seam);
    cmd.arg("check").arg(&case.entry);
    let out = run_command(&mut cmd)?;
    let stderr_path = env.abs(&case.expectation("stderr"));
    if out.timed_out || out.status != Some(1) {
        let _ = writeln!(
            report,
            "[seam check] expected exit status 1 (rejected), got {}: {}",
            describe_exit(&out),
            show_command(&cmd)
        );
        report.push_str(&indent(&tail(&out.stderr, 30)));
        return Ok(report);
    }
    if env.bless {
        write_file(&stderr_path, &out.stderr)?;
    }
    let Ok(expected) = fs::read(&stderr_path) else {
        let _ = writeln!(
            report,
            "missing expectation {}\nhint: record the diagnostics with `{BLESS_VAR}=1 cargo test -p seam --test corpus -- {}`",
            case.expectation("stderr").display(),
            case.name
        );
        return Ok(report);
    };
    if expected != out.stderr {
        let _ = writeln!(report, "[seam check] {}", show_command(&cmd));
        let _ = writeln!(report, "  stderr differs (-expected +actual):");
        report.push_str(&indent(&diff(&expected, &out.stderr)));
    }
    Ok(report)
}
