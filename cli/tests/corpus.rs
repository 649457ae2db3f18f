//! The corpus harness: the `seam` binary against CPython, program by program.
//!
//! Tests are data.  Adding a file adds a test:
//!
//! ```text
//! tests/programs/NAME.py            a core program (or NAME/main.py plus its modules)
//! tests/programs/NAME.args          optional: its arguments, one per line
//! tests/programs/NAME.stdout        expected stdout bytes          } written by CPython
//! tests/programs/NAME.status        expected exit status           } through shim/bootstrap.py
//! tests/programs/NAME.stderr_last   expected last stderr line      } (status 1 only)
//! tests/errors/NAME.py              a program `seam check` rejects (or NAME/main.py)
//! tests/errors/NAME.stderr          the expected diagnostics        written by `seam check`
//! ```
//!
//! Every program runs three ways and all must agree with the expectation:
//!
//! ```text
//!   python3 shim/bootstrap.py ENTRY ARGS   (only when blessing: it *is* the expectation)
//!   seam py ENTRY [-- ARGS]                ──┐
//!   seam build-core ENTRY -o TMP/NAME        ├─ stdout bytes, exit status, last stderr line
//!   TMP/NAME ARGS                          ──┘
//! ```
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

use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// How long one command (a `seam` invocation, CPython, or a translated
/// program) may run before it is killed and reported.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Cases run concurrently; each case runs its commands one after another.
const THREADS: usize = 2;

/// The environment variable that turns checking into re-blessing.
const BLESS_VAR: &str = "SEAM_BLESS";

/// Diffs longer than this many lines are cut short.
const MAX_DIFF_LINES: usize = 60;

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
}

/// Everything shared by the worker threads.
struct Env {
    root: PathBuf,
    seam: PathBuf,
    tmp: PathBuf,
    bless: bool,
}

impl Env {
    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root)
            // Running the corpus must not litter tests/programs with __pycache__.
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("PYTHONIOENCODING", "utf-8");
        cmd
    }

    fn abs(&self, relative: &Path) -> PathBuf {
        self.root.join(relative)
    }
}

fn run_corpus() -> Result<bool> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .context("cli crate has no parent directory")?
        .to_path_buf();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let filters: Vec<&str> = args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .map(String::as_str)
        .collect();

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
        bless: std::env::var(BLESS_VAR).is_ok_and(|v| !v.is_empty() && v != "0"),
    };

    let mode = if env.bless { " (blessing)" } else { "" };
    println!(
        "corpus: running {} cases on {THREADS} threads{mode}",
        cases.len()
    );
    let failures = run_parallel(&env, &cases);
    let _ = fs::remove_dir_all(&env.tmp);

    let mut failed: Vec<(String, String)> = failures;
    if filters.is_empty() {
        for orphan in orphans {
            failed.push((
                orphan.display().to_string(),
                "expectation file without a program: delete it or restore its program\n"
                    .to_string(),
            ));
        }
    }
    failed.sort();

    if !failed.is_empty() {
        println!();
        println!("failures:");
        for (label, report) in &failed {
            println!();
            println!("---- {label} ----");
            print!("{report}");
        }
        println!();
        let hint = if env.bless {
            String::new()
        } else {
            format!(
                " (after checking a change is intended: {BLESS_VAR}=1 cargo test -p seam --test corpus)"
            )
        };
        println!("failed:{hint}");
        for (label, _) in &failed {
            println!("    {label}");
        }
    }
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

/// Expectation files whose program is gone: they would otherwise rot silently.
fn orphan_expectations(root: &Path, cases: &[Case]) -> Result<Vec<PathBuf>> {
    let mut orphans = Vec::new();
    for (dir, kind, exts) in [
        (
            "tests/programs",
            CaseKind::Program,
            &["stdout", "status", "stderr_last", "args"][..],
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
                orphans.push(Path::new(dir).join(name));
            }
        }
    }
    Ok(orphans)
}

/// Runs every case on [`THREADS`] threads; returns `(label, report)` per failed case.
fn run_parallel(env: &Env, cases: &[Case]) -> Vec<(String, String)> {
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for _ in 0..THREADS.min(cases.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(case) = cases.get(i) else { break };
                    let started = Instant::now();
                    let report = match run_case(env, case) {
                        Ok(report) => report,
                        Err(err) => format!("harness error: {err:#}\n"),
                    };
                    let label = case_label(case);
                    let secs = started.elapsed().as_secs_f64();
                    let verdict = if report.is_empty() { "ok" } else { "FAILED" };
                    println!("{verdict:>6} {label} ({secs:.1}s)");
                    if !report.is_empty() {
                        failures.lock().unwrap().push((label, report));
                    }
                }
            });
        }
    });
    failures.into_inner().unwrap()
}

/// Runs one case; returns an empty string when it passes, else the report.
fn run_case(env: &Env, case: &Case) -> Result<String> {
    match case.kind {
        CaseKind::Program => run_program(env, case),
        CaseKind::Error => run_error(env, case),
    }
}

/// What a program is expected to do.
struct Expected {
    stdout: Vec<u8>,
    status: i32,
    stderr_last: Option<String>,
}

fn run_program(env: &Env, case: &Case) -> Result<String> {
    let args = read_args(&env.abs(&case.expectation("args")))?;
    let mut report = String::new();

    if env.bless {
        // The same interpreter `seam py` uses.
        let python = std::env::var_os("SEAM_PYTHON").unwrap_or_else(|| "python3".into());
        let mut cmd = env.command(python);
        cmd.arg(Path::new("shim").join("bootstrap.py"))
            .arg(&case.entry)
            .args(&args);
        let out = run_command(&mut cmd)?;
        if out.timed_out {
            let _ = writeln!(
                report,
                "CPython timed out after {TIMEOUT:?}: {}",
                show_command(&cmd)
            );
            return Ok(report);
        }
        let Some(status) = out.status else {
            let _ = writeln!(
                report,
                "CPython was killed by a signal: {}",
                show_command(&cmd)
            );
            return Ok(report);
        };
        write_file(&env.abs(&case.expectation("stdout")), &out.stdout)?;
        write_file(
            &env.abs(&case.expectation("status")),
            format!("{status}\n").as_bytes(),
        )?;
        let last = env.abs(&case.expectation("stderr_last"));
        if status == 1 {
            write_file(&last, format!("{}\n", last_line(&out.stderr)).as_bytes())?;
        } else if last.exists() {
            fs::remove_file(&last).with_context(|| format!("removing {}", last.display()))?;
        }
    }

    let expected = match read_expected(env, case) {
        Ok(expected) => expected,
        Err(err) => {
            let _ = writeln!(
                report,
                "{err:#}\nhint: record CPython's behaviour with `{BLESS_VAR}=1 cargo test -p seam --test corpus -- {}`",
                case.name
            );
            return Ok(report);
        }
    };

    // Untranslated, through the shim.
    let mut py = env.command(&env.seam);
    py.arg("py").arg(&case.entry);
    if !args.is_empty() {
        py.arg("--").args(&args);
    }
    compare_run(&mut report, "seam py", &mut py, &expected)?;

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
        let mut run = env.command(&binary);
        run.args(&args);
        compare_run(&mut report, "translated", &mut run, &expected)?;
    }
    let _ = fs::remove_file(&binary);
    let _ = fs::remove_file(binary.with_extension("exports"));
    let mut exports = binary.into_os_string();
    exports.push(".exports");
    let _ = fs::remove_file(exports);
    Ok(report)
}

fn read_expected(env: &Env, case: &Case) -> Result<Expected> {
    let stdout_path = env.abs(&case.expectation("stdout"));
    let status_path = env.abs(&case.expectation("status"));
    let stdout = fs::read(&stdout_path).with_context(|| {
        format!(
            "missing expectation {}",
            case.expectation("stdout").display()
        )
    })?;
    let status_text = fs::read_to_string(&status_path).with_context(|| {
        format!(
            "missing expectation {}",
            case.expectation("status").display()
        )
    })?;
    let status = status_text.trim().parse().with_context(|| {
        format!(
            "{}: not an exit status: {status_text:?}",
            case.expectation("status").display()
        )
    })?;
    let last_path = env.abs(&case.expectation("stderr_last"));
    let stderr_last = if last_path.exists() {
        let text = fs::read_to_string(&last_path)
            .with_context(|| format!("reading {}", last_path.display()))?;
        Some(text.trim_end_matches(['\n', '\r']).to_string())
    } else {
        None
    };
    if status == 1 && stderr_last.is_none() {
        bail!(
            "missing expectation {} (the program exits with status 1)",
            case.expectation("stderr_last").display()
        );
    }
    Ok(Expected {
        stdout,
        status,
        stderr_last,
    })
}

/// Runs `cmd` and appends to `report` every way it differs from `expected`.
fn compare_run(
    report: &mut String,
    label: &str,
    cmd: &mut Command,
    expected: &Expected,
) -> Result<()> {
    let out = run_command(cmd)?;
    let mut problems = String::new();
    if out.timed_out {
        let _ = writeln!(problems, "timed out after {TIMEOUT:?}");
    } else if out.status != Some(expected.status) {
        let _ = writeln!(
            problems,
            "exit status: expected {}, got {}",
            expected.status,
            describe_exit(&out)
        );
    }
    if out.stdout != expected.stdout {
        let _ = writeln!(problems, "stdout differs (-expected +actual):");
        problems.push_str(&diff(&expected.stdout, &out.stdout));
    }
    if let Some(want) = &expected.stderr_last {
        let got = last_line(&out.stderr);
        if &got != want {
            let _ = writeln!(problems, "last stderr line: expected {want:?}, got {got:?}");
        }
    }
    if !problems.is_empty() {
        let _ = writeln!(report, "[{label}] {}", show_command(cmd));
        report.push_str(&indent(&problems));
        if out.status != Some(expected.status) || expected.stderr_last.is_some() {
            let stderr_tail = tail(&out.stderr, 15);
            if !stderr_tail.is_empty() {
                report.push_str("  stderr:\n");
                report.push_str(&indent(&indent(&stderr_tail)));
            }
        }
    }
    Ok(())
}

fn run_error(env: &Env, case: &Case) -> Result<String> {
    let mut report = String::new();
    let source = fs::read_to_string(env.abs(&case.entry))
        .with_context(|| format!("reading {}", case.entry.display()))?;
    if !source.starts_with("# expect: ") {
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

/// `NAME.args`: one argument per line; a missing file means no arguments.
fn read_args(path: &Path) -> Result<Vec<String>> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    if lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    Ok(lines)
}

fn write_file(path: &Path, contents: &[u8]) -> Result<()> {
    fs::write(path, contents).with_context(|| format!("writing {}", path.display()))
}

/// The outcome of one command.
struct RunOutput {
    /// The exit code; `None` when killed by a signal or timed out.
    status: Option<i32>,
    signal: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    timed_out: bool,
}

/// Runs `cmd` with its output captured, killing it (and anything it started)
/// after [`TIMEOUT`].
fn run_command(cmd: &mut Command) -> Result<RunOutput> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // Its own process group, so that a timeout also kills what it spawned
    // (`seam py` starts python3); otherwise a grandchild would keep the pipes
    // open and the reader threads would never finish.
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt as _;
        cmd.process_group(0);
    }
    let mut child = cmd
        .spawn()
        .with_context(|| format!("spawning {}", show_command(cmd)))?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let deadline = Instant::now() + TIMEOUT;
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() >= deadline {
            timed_out = true;
            kill_group(&mut child);
            break child.wait()?;
        }
        thread::sleep(Duration::from_millis(5));
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    #[cfg(unix)]
    let signal = std::os::unix::process::ExitStatusExt::signal(&status);
    #[cfg(not(unix))]
    let signal = None;
    Ok(RunOutput {
        status: if timed_out { None } else { status.code() },
        signal,
        stdout,
        stderr,
        timed_out,
    })
}

fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut buf);
        }
        buf
    })
}

fn kill_group(child: &mut Child) {
    #[cfg(unix)]
    {
        // No libc dependency for one call: kill(1) takes a negative pid as a group.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
}

fn describe_exit(out: &RunOutput) -> String {
    if out.timed_out {
        format!("a timeout after {TIMEOUT:?}")
    } else if let Some(code) = out.status {
        format!("status {code}")
    } else if let Some(signal) = out.signal {
        format!("signal {signal}")
    } else {
        "an unknown exit".to_string()
    }
}

/// A shell-like rendering of a command, to paste into a terminal at the workspace root.
fn show_command(cmd: &Command) -> String {
    let mut parts = vec![quote(&cmd.get_program().to_string_lossy())];
    parts.extend(cmd.get_args().map(|a| quote(&a.to_string_lossy())));
    parts.join(" ")
}

fn quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:+,".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// The last non-blank line of `stderr`, as text.
fn last_line(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end_matches('\r')
        .to_string()
}

/// The last `n` lines of `bytes`, newline-terminated.
fn tail(bytes: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(n);
    let mut out = String::new();
    if start > 0 {
        out.push_str("...\n");
    }
    for line in &lines[start..] {
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

/// A line diff of `expected` against `actual`: hunks of `-`/`+` lines with
/// two lines of context, cut after [`MAX_DIFF_LINES`] lines.
fn diff(expected: &[u8], actual: &[u8]) -> String {
    let exp_text = String::from_utf8_lossy(expected);
    let act_text = String::from_utf8_lossy(actual);
    let a: Vec<&str> = exp_text.split_inclusive('\n').collect();
    let b: Vec<&str> = act_text.split_inclusive('\n').collect();
    let ops = diff_ops(&a, &b);
    let mut out = String::new();
    let mut shown = 0;
    let context = 2;
    // Which ops to print: every change and `context` equal lines around it.
    let mut keep = vec![false; ops.len()];
    for (i, op) in ops.iter().enumerate() {
        if !matches!(op, DiffOp::Same(_)) {
            let lo = i.saturating_sub(context);
            let hi = (i + context + 1).min(ops.len());
            keep[lo..hi].iter_mut().for_each(|k| *k = true);
        }
    }
    let mut skipped = false;
    let mut line_a = 0;
    for (i, op) in ops.iter().enumerate() {
        if let DiffOp::Same(_) | DiffOp::Del(_) = op {
            line_a += 1;
        }
        if !keep[i] {
            skipped = true;
            continue;
        }
        if skipped || i == 0 {
            let _ = writeln!(out, "@@ expected line {} @@", line_a);
            skipped = false;
        }
        if shown == MAX_DIFF_LINES {
            out.push_str("... (diff cut short)\n");
            break;
        }
        shown += 1;
        let (sign, line) = match op {
            DiffOp::Same(l) => (' ', *l),
            DiffOp::Del(l) => ('-', *l),
            DiffOp::Add(l) => ('+', *l),
        };
        match line.strip_suffix('\n') {
            Some(body) => {
                let _ = writeln!(out, "{sign}{body}");
            }
            None => {
                let _ = writeln!(out, "{sign}{line}");
                out.push_str("\\ no newline at end\n");
            }
        }
    }
    if !ops.iter().any(|op| !matches!(op, DiffOp::Same(_))) {
        // Equal as lossy text but not as bytes: invalid UTF-8 somewhere.
        let at = expected
            .iter()
            .zip(actual)
            .position(|(x, y)| x != y)
            .unwrap_or(expected.len().min(actual.len()));
        let _ = writeln!(
            out,
            "(the texts differ only in their bytes, first at byte {at}; lengths {} and {})",
            expected.len(),
            actual.len()
        );
    }
    out
}

enum DiffOp<'a> {
    Same(&'a str),
    Del(&'a str),
    Add(&'a str),
}

/// A longest-common-subsequence diff; for very long outputs, a plain
/// "everything after the common prefix and suffix differs" diff.
fn diff_ops<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<DiffOp<'a>> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops: Vec<DiffOp<'a>> = a[..prefix].iter().map(|l| DiffOp::Same(l)).collect();
    if ma.len().saturating_mul(mb.len()) > 4_000_000 {
        ops.extend(ma.iter().map(|l| DiffOp::Del(l)));
        ops.extend(mb.iter().map(|l| DiffOp::Add(l)));
    } else {
        // lcs[i][j]: the LCS length of ma[i..] and mb[j..].
        let w = mb.len() + 1;
        let mut lcs = vec![0u32; (ma.len() + 1) * w];
        for i in (0..ma.len()).rev() {
            for j in (0..mb.len()).rev() {
                lcs[i * w + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < ma.len() || j < mb.len() {
            if i < ma.len() && j < mb.len() && ma[i] == mb[j] {
                ops.push(DiffOp::Same(ma[i]));
                i += 1;
                j += 1;
            } else if i < ma.len() && (j == mb.len() || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])
            {
                ops.push(DiffOp::Del(ma[i]));
                i += 1;
            } else {
                ops.push(DiffOp::Add(mb[j]));
                j += 1;
            }
        }
    }
    ops.extend(a[a.len() - suffix..].iter().map(|l| DiffOp::Same(l)));
    ops
}
