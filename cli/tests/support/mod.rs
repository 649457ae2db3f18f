//! What the data-driven harnesses (`corpus.rs`, `ext.rs`) share: running a
//! command with a timeout and its output captured, expectation files and
//! blessing, comparing a run with its expectation, running cases on a few
//! threads, the line diff their reports show, and the seeds the generator
//! harnesses (`gen.rs`, `gen_ext.rs`) run.
//!
//! Each harness includes this module with `mod support;`; not every harness
//! uses every item.
#![allow(
    dead_code,
    reason = "compiled into each harness, which uses only some of these helpers"
)]

use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

pub mod docs;

/// How long one command (a `seam` invocation, CPython, or a translated
/// program) may run before it is killed and reported.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// Cases run concurrently; each case runs its commands one after another.
pub const THREADS: usize = 2;

/// The environment variable that turns checking into re-blessing.
pub const BLESS_VAR: &str = "SEAM_BLESS";

/// Diffs longer than this many lines are cut short.
const MAX_DIFF_LINES: usize = 60;

/// The workspace root: the parent of the cli crate.
pub fn workspace_root() -> Result<PathBuf> {
    Ok(Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .context("cli crate has no parent directory")?
        .to_path_buf())
}

/// Whether this run rewrites expectations instead of checking them.
pub fn blessing() -> bool {
    std::env::var(BLESS_VAR).is_ok_and(|v| !v.is_empty() && v != "0")
}

fn parse_seed_range(spec: &str) -> Result<Range<u64>> {
    let (from, to) = spec
        .split_once("..")
        .with_context(|| format!("--seeds {spec}: expected FROM..TO"))?;
    Ok(from.parse()?..to.parse()?)
}

/// The seeds a generator harness runs: those listed as arguments, else
/// `--seeds FROM..TO`, else `0..N` with `N` from the environment variable `var`
/// or `default`.
pub fn seeds(args: &[String], var: &str, default: u64) -> Result<Vec<u64>> {
    let mut listed = Vec::new();
    let mut range: Option<Range<u64>> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--seeds" {
            range = Some(parse_seed_range(
                it.next().context("--seeds needs a range: FROM..TO")?,
            )?);
        } else if let Some(spec) = a.strip_prefix("--seeds=") {
            range = Some(parse_seed_range(spec)?);
        } else if !a.starts_with('-') {
            listed.push(
                a.parse().with_context(|| {
                    format!("not a seed: {a} (give numbers, or --seeds FROM..TO)")
                })?,
            );
        }
    }
    if !listed.is_empty() {
        return Ok(listed);
    }
    if let Some(r) = range {
        return Ok(r.collect());
    }
    let n = match std::env::var(var) {
        Ok(v) => v
            .parse()
            .with_context(|| format!("{var}={v}: not a number"))?,
        Err(_) => default,
    };
    Ok((0..n).collect())
}

/// Arguments after `--` that do not start with `-`: case filters.
pub fn filters(args: &[String]) -> Vec<&str> {
    args.iter()
        .filter(|a| !a.starts_with('-'))
        .map(String::as_str)
        .collect()
}

/// Runs every case on [`THREADS`] threads, printing one verdict line per
/// case as it finishes; returns `(label, report)` per failed case. `run`
/// returns an empty report when the case passes.
pub fn run_parallel<C: Sync>(
    cases: &[C],
    label: &(dyn Fn(&C) -> String + Sync),
    run: &(dyn Fn(&C) -> Result<String> + Sync),
) -> Vec<(String, String)> {
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for _ in 0..THREADS.min(cases.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(case) = cases.get(i) else { break };
                    let started = Instant::now();
                    let report = match run(case) {
                        Ok(report) => report,
                        Err(err) => format!("harness error: {err:#}\n"),
                    };
                    let label = label(case);
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

/// Prints every failure's report, then the list of failed labels with the
/// command that re-blesses `harness`'s expectations.
pub fn print_failures(harness: &str, failed: &[(String, String)], bless: bool) {
    let hint = if bless {
        String::new()
    } else {
        format!(
            " (after checking a change is intended: {BLESS_VAR}=1 cargo test -p seam --test {harness})"
        )
    };
    print_failed(failed, &hint);
}

/// Prints every failure's report, then the list of failed labels after `hint`.
pub fn print_failed(failed: &[(String, String)], hint: &str) {
    if failed.is_empty() {
        return;
    }
    println!();
    println!("failures:");
    for (label, report) in failed {
        println!();
        println!("---- {label} ----");
        print!("{report}");
    }
    println!();
    println!("failed:{hint}");
    for (label, _) in failed {
        println!("    {label}");
    }
}

/// What a program is expected to do.
pub struct Expected {
    pub stdout: Vec<u8>,
    pub status: i32,
    pub stderr_last: Option<String>,
}

/// Where a program's expectations live, relative to the workspace root.
pub struct ExpectationFiles {
    /// The expected stdout bytes.
    pub stdout: PathBuf,
    /// The expected exit status, as decimal text.
    pub status: PathBuf,
    /// The expected last stderr line; present exactly when the status is 1.
    pub stderr_last: PathBuf,
}

impl ExpectationFiles {
    /// Reads the expectations; a missing one is an error that names it.
    pub fn read(&self, root: &Path) -> Result<Expected> {
        let stdout = fs::read(root.join(&self.stdout))
            .with_context(|| format!("missing expectation {}", self.stdout.display()))?;
        let status_text = fs::read_to_string(root.join(&self.status))
            .with_context(|| format!("missing expectation {}", self.status.display()))?;
        let status = status_text.trim().parse().with_context(|| {
            format!(
                "{}: not an exit status: {status_text:?}",
                self.status.display()
            )
        })?;
        let last_path = root.join(&self.stderr_last);
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
                self.stderr_last.display()
            );
        }
        Ok(Expected {
            stdout,
            status,
            stderr_last,
        })
    }

    /// Records `status`, `stdout` and (for status 1) the last line of
    /// `stderr` as the expectations.
    pub fn record(&self, root: &Path, status: i32, stdout: &[u8], stderr: &[u8]) -> Result<()> {
        write_file(&root.join(&self.stdout), stdout)?;
        write_file(&root.join(&self.status), format!("{status}\n").as_bytes())?;
        let last = root.join(&self.stderr_last);
        if status == 1 {
            write_file(&last, format!("{}\n", last_line(stderr)).as_bytes())?;
        } else if last.exists() {
            fs::remove_file(&last).with_context(|| format!("removing {}", last.display()))?;
        }
        Ok(())
    }
}

/// Runs `cmd` and appends to `report` every way it differs from `expected`.
pub fn compare_run(
    report: &mut String,
    label: &str,
    cmd: &mut Command,
    expected: &Expected,
) -> Result<()> {
    compare_run_input(report, label, cmd, expected, None)
}

/// [`compare_run`] with standard input read from the file `input` (none: empty).
pub fn compare_run_input(
    report: &mut String,
    label: &str,
    cmd: &mut Command,
    expected: &Expected,
    input: Option<&Path>,
) -> Result<()> {
    let out = run_command_input(cmd, input)?;
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

/// An arguments file: one argument per line; a missing file means no arguments.
pub fn read_args(path: &Path) -> Result<Vec<String>> {
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

pub fn write_file(path: &Path, contents: &[u8]) -> Result<()> {
    fs::write(path, contents).with_context(|| format!("writing {}", path.display()))
}

/// The outcome of one command.
pub struct RunOutput {
    /// The exit code; `None` when killed by a signal or timed out.
    pub status: Option<i32>,
    pub signal: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub timed_out: bool,
}

/// A command for a harness to run in `cwd`: Python writes no `__pycache__`
/// into the test data and speaks UTF-8, and the collector switches of the
/// caller's environment are cleared (a run that wants one sets it).
pub fn command(program: impl AsRef<std::ffi::OsStr>, cwd: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(cwd)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .env_remove("SEAM_GC_STRESS")
        .env_remove("SEAM_GC_STATS")
        .env_remove("SEAM_GC_VERIFY");
    cmd
}

/// Runs `cmd` with its output captured, killing it (and anything it started)
/// after [`TIMEOUT`].
pub fn run_command(cmd: &mut Command) -> Result<RunOutput> {
    run_command_input(cmd, None)
}

/// [`run_command`] with standard input read from the file `input` (none: empty).
pub fn run_command_input(cmd: &mut Command, input: Option<&Path>) -> Result<RunOutput> {
    let stdin = match input {
        Some(path) => Stdio::from(
            fs::File::open(path).with_context(|| format!("opening {}", path.display()))?,
        ),
        None => Stdio::null(),
    };
    cmd.stdin(stdin)
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

pub fn describe_exit(out: &RunOutput) -> String {
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
///
/// `SEAM_*` variables the command sets are shown before it, and its current
/// directory, when it is not the workspace root, as a `cd` (relative to the
/// root when inside it).
pub fn show_command(cmd: &Command) -> String {
    let mut parts = Vec::new();
    for (key, value) in cmd.get_envs() {
        let key = key.to_string_lossy();
        if let (true, Some(value)) = (key.starts_with("SEAM_"), value) {
            parts.push(format!("{key}={}", quote(&value.to_string_lossy())));
        }
    }
    parts.push(quote(&cmd.get_program().to_string_lossy()));
    parts.extend(cmd.get_args().map(|a| quote(&a.to_string_lossy())));
    let command = parts.join(" ");
    let root = workspace_root().ok();
    match cmd.get_current_dir() {
        Some(dir) if Some(dir) != root.as_deref() => {
            let shown = root
                .as_deref()
                .and_then(|r| dir.strip_prefix(r).ok())
                .unwrap_or(dir);
            format!("cd {} && {command}", quote(&shown.to_string_lossy()))
        }
        _ => command,
    }
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
pub fn last_line(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end_matches('\r')
        .to_string()
}

/// The last `n` lines of `bytes`, newline-terminated.
pub fn tail(bytes: &[u8], n: usize) -> String {
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

pub fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

/// A line diff of `expected` against `actual`: hunks of `-`/`+` lines with
/// two lines of context, cut after [`MAX_DIFF_LINES`] lines.
pub fn diff(expected: &[u8], actual: &[u8]) -> String {
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

/// Whether a tool a harness needs is installed.
pub enum Tool {
    /// Its version line.
    Found(String),
    /// Missing, and `skip_var` says to skip the harness (reported).
    Skipped,
    /// Missing (reported with how to install it): the harness fails.
    Missing,
}

/// Runs `command` (e.g. `["valgrind", "--version"]`) to find `name`; when it
/// fails, reports it, then either skips (if `skip_var` is set to a non-empty,
/// non-`0` value) or fails with `install` as the advice.
pub fn find_tool(name: &str, command: &[&str], skip_var: &str, install: &str) -> Tool {
    let out = std::process::Command::new(command[0])
        .args(&command[1..])
        .stdin(Stdio::null())
        .output();
    match out {
        Ok(out) if out.status.success() => {
            Tool::Found(String::from_utf8_lossy(&out.stdout).trim().to_string())
        }
        _ => {
            if std::env::var(skip_var).is_ok_and(|v| !v.is_empty() && v != "0") {
                println!("{name}: not installed; skipped because {skip_var} is set");
                return Tool::Skipped;
            }
            eprintln!(
                "{name}: `{}` failed: {name} is not installed (or not on PATH).\n\
                 Install it ({install}; CI's .ci/run does), or set {skip_var}=1 to skip this test.",
                command.join(" ")
            );
            Tool::Missing
        }
    }
}
