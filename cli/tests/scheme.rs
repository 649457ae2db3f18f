//! The Scheme interpreter's suite: `examples/scheme` (the core and its
//! extension modules in `examples/scheme/ext/`) run on the Scheme programs in
//! `tests/scheme/`, whose expected output was produced by GNU Guile 3.0.
//!
//! Tests are data.  Adding a program adds a test:
//!
//! ```text
//! tests/scheme/NAME.scm       a Scheme program; a first line `; slow` keeps it out of
//!                             the SEAM_GC_STRESS=1 and CPython runs, `; deep` out of
//!                             the CPython run (it recurses deeper than CPython's
//!                             1,000 frames allow the interpreter to), `; not-guile`
//!                             out of the Guile run: what it checks differs from Guile
//!                             by design (an integer overflow without the bignums
//!                             module), so its expectation is written by hand
//! tests/scheme/NAME.stdout    what `guile --no-auto-compile NAME.scm` prints (by hand
//!                             for `; not-guile`)
//! tests/scheme/NAME.status    optional: the exit status (absent: 0)
//! tests/scheme/NAME.stderr    optional: the interpreter's whole stderr (its own error
//!                             message, `error: MESSAGE IRRITANT...`), for status 1
//! ```
//!
//! The README's demo program, `examples/scheme/demo.scm`, is one more case, with
//! its Guile output recorded beside it (`examples/scheme/demo.stdout`); it counts
//! as `; slow`.
//!
//! The core is built once (`seam build-core`), the extension modules each with
//! `seam build-ext` against its exports file, and once more with every module
//! linked in (`--static-ext`).  Each program then runs:
//!
//! ```text
//!   (a) cd TMP/dyn && ./scheme NAME.scm          (load-extension opens ext/NAME.so)
//!   (a') cd TMP/dyn && ./scheme < NAME.scm       (the program on standard input) unless `; slow`
//!   (b) cd TMP/empty && TMP/static/scheme NAME.scm   (modules linked in)
//!   (c) (a) with SEAM_GC_STRESS=1                unless `; slow`
//!   (d) cd examples/scheme && seam py main.py -- NAME.scm   unless `; slow` or `; deep`
//!   (e) guile --no-auto-compile, when guile is installed and unless `; not-guile`:
//!       its stdout must be the recorded one and its status 0 exactly when the
//!       recorded status is 0
//! ```
//!
//! For (e) the program is prefixed with a definition of `load-extension` that does
//! nothing (Guile has vectors, hash tables and big integers built in; its own
//! `load-extension` loads C libraries), with `XDG_CACHE_HOME` in a fresh directory.
//! `SEAM_BLESS=1 cargo test -p seam --test scheme` re-records `NAME.stdout` and
//! `NAME.status` from Guile, never from the interpreter under test, and writes a
//! missing `NAME.stderr` of a failing program from the CPython run (read it before
//! committing: it is the interpreter's own message).  Arguments after `--` that do
//! not start with `-` select programs whose name contains them.

mod support;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, Result, bail};

use support::{
    Expected, RunOutput, Tool, blessing, describe_exit, diff, find_tool, indent, print_failures,
    run_command, run_command_input, run_parallel, show_command, tail, workspace_root, write_file,
};

/// Set to skip the Guile cross-check when guile is not installed.
const SKIP_VAR: &str = "SEAM_SKIP_GUILE";

/// What the Guile run is given before the program.
const GUILE_PRELUDE: &str = "(define (load-extension . args) (if #f #f))\n";

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("scheme: harness error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

struct Case {
    name: String,
    /// `tests/scheme/NAME.scm` (or the demo, `examples/scheme/demo.scm`), absolute.
    path: PathBuf,
    /// Where its expectations (`NAME.stdout`...) are: the directory of `path`.
    dir: PathBuf,
    slow: bool,
    deep: bool,
    /// Not compared with Guile: its expectation is written by hand.
    not_guile: bool,
}

struct Env {
    root: PathBuf,
    seam: PathBuf,
    tmp: PathBuf,
    guile: bool,
    bless: bool,
}

impl Env {
    fn command(&self, program: impl AsRef<std::ffi::OsStr>, cwd: &Path) -> Command {
        support::command(program, cwd)
    }
}

fn run() -> Result<bool> {
    let root = workspace_root()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let filters = support::filters(&args);
    let mut cases = discover(&root)?;
    if !filters.is_empty() {
        cases.retain(|c| filters.iter().any(|f| c.name.contains(f)));
    }
    if args.iter().any(|a| a == "--list") {
        for case in &cases {
            println!("scheme/{}: test", case.name);
        }
        return Ok(true);
    }
    let guile = match find_tool(
        "guile",
        &["guile", "--version"],
        SKIP_VAR,
        "`apt-get install guile-3.0`",
    ) {
        Tool::Found(version) => {
            println!("scheme: {}", version.lines().next().unwrap_or_default());
            true
        }
        Tool::Skipped => false,
        Tool::Missing => return Ok(false),
    };
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("scheme-{}", std::process::id()));
    let env = Env {
        root,
        seam: PathBuf::from(env!("CARGO_BIN_EXE_seam")),
        tmp,
        guile,
        bless: blessing(),
    };
    build(&env)?;
    println!("scheme: running {} programs", cases.len());
    let mut failed = run_parallel(&cases, &|c: &Case| format!("scheme/{}", c.name), &|case| {
        run_case(&env, case)
    });
    failed.sort();
    print_failures("scheme", &failed, env.bless);
    let _ = fs::remove_dir_all(&env.tmp);
    println!();
    println!(
        "scheme: {} passed, {} failed",
        cases.len() - failed.len(),
        failed.len()
    );
    Ok(failed.is_empty())
}

fn discover(root: &Path) -> Result<Vec<Case>> {
    let dir = root.join("tests/scheme");
    let mut cases = Vec::new();
    for entry in fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "scm") {
            continue;
        }
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text =
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let first = text.lines().next().unwrap_or_default();
        let slow = first.starts_with("; slow");
        let deep = first.starts_with("; deep");
        let not_guile = first.starts_with("; not-guile");
        cases.push(Case {
            name,
            path,
            dir: dir.clone(),
            slow,
            deep,
            not_guile,
        });
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    // The README's demo program, too slow for the stress and CPython runs.
    let examples = root.join("examples/scheme");
    cases.push(Case {
        name: "demo".to_string(),
        path: examples.join("demo.scm"),
        dir: examples,
        slow: true,
        deep: false,
        not_guile: false,
    });
    Ok(cases)
}

/// The extension modules: every `examples/scheme/ext/*.py`, sorted.
fn extensions(root: &Path) -> Result<Vec<String>> {
    let dir = root.join("examples/scheme/ext");
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "py") {
            out.push(
                path.file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    out.sort();
    Ok(out)
}

/// Runs a build step, failing with its output when it fails.
fn must(cmd: &mut Command) -> Result<()> {
    let out = run_command(cmd)?;
    if out.status != Some(0) {
        bail!(
            "{} failed ({}):\n{}",
            show_command(cmd),
            describe_exit(&out),
            tail(&out.stderr, 30)
        );
    }
    Ok(())
}

/// Builds TMP/dyn/scheme with TMP/dyn/ext/*.so, and TMP/static/scheme.
fn build(env: &Env) -> Result<()> {
    let src = env.root.join("examples/scheme");
    let dyn_dir = env.tmp.join("dyn");
    let static_dir = env.tmp.join("static");
    for dir in [
        dyn_dir.join("ext"),
        static_dir.clone(),
        env.tmp.join("empty"),
    ] {
        fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let core = dyn_dir.join("scheme");
    must(
        env.command(&env.seam, &src)
            .arg("build-core")
            .arg("main.py")
            .arg("-o")
            .arg(&core),
    )?;
    let mut linked = env.command(&env.seam, &src);
    linked
        .arg("build-core")
        .arg("main.py")
        .arg("-o")
        .arg(static_dir.join("scheme"));
    for ext in extensions(&env.root)? {
        must(
            env.command(&env.seam, &src)
                .arg("build-ext")
                .arg(format!("ext/{ext}.py"))
                .arg("--exports")
                .arg(dyn_dir.join("scheme.exports"))
                .arg("-o")
                .arg(dyn_dir.join(format!("ext/{ext}.so"))),
        )?;
        linked.arg("--static-ext").arg(format!("ext/{ext}.py"));
    }
    must(&mut linked)
}

fn read_expected(case: &Case) -> Result<(Expected, Option<Vec<u8>>)> {
    let dir = &case.dir;
    let stdout_path = dir.join(format!("{}.stdout", case.name));
    let stdout = fs::read(&stdout_path).unwrap_or_default();
    let status_path = dir.join(format!("{}.status", case.name));
    let status = if status_path.exists() {
        fs::read_to_string(&status_path)?
            .trim()
            .parse()
            .with_context(|| format!("reading {}", status_path.display()))?
    } else {
        0
    };
    let stderr = fs::read(dir.join(format!("{}.stderr", case.name))).ok();
    Ok((
        Expected {
            stdout,
            status,
            stderr_last: None,
        },
        stderr,
    ))
}

/// Appends to `report` how `out` differs from what is expected.
fn compare(
    report: &mut String,
    label: &str,
    cmd: &Command,
    out: &RunOutput,
    expected: &Expected,
    stderr: Option<&[u8]>,
) {
    let mut problems = String::new();
    if out.timed_out {
        problems.push_str("timed out\n");
    } else if out.status != Some(expected.status) {
        let _ = writeln!(
            problems,
            "exit status: expected {}, got {}",
            expected.status,
            describe_exit(out)
        );
    }
    if out.stdout != expected.stdout {
        problems.push_str("stdout differs (-expected +actual):\n");
        problems.push_str(&diff(&expected.stdout, &out.stdout));
    }
    match stderr {
        Some(want) if out.stderr != want => {
            problems.push_str("stderr differs (-expected +actual):\n");
            problems.push_str(&diff(want, &out.stderr));
        }
        None if !out.stderr.is_empty() && expected.status == 0 => {
            problems.push_str("unexpected stderr:\n");
            problems.push_str(&indent(&tail(&out.stderr, 15)));
        }
        _ => {}
    }
    if !problems.is_empty() {
        let _ = writeln!(report, "[{label}] {}", show_command(cmd));
        report.push_str(&indent(&problems));
    }
}

fn run_case(env: &Env, case: &Case) -> Result<String> {
    let mut report = String::new();
    if env.guile && !case.not_guile {
        check_guile(env, case, &mut report)?;
    }
    let (expected, stderr) = read_expected(case)?;
    let dyn_dir = env.tmp.join("dyn");
    // Each run: its label, the command, and the file it reads on standard input.
    let mut runs: Vec<(&str, Command, Option<&Path>)> = Vec::new();
    let mut cmd = env.command(dyn_dir.join("scheme"), &dyn_dir);
    cmd.arg(&case.path);
    runs.push((".so", cmd, None));
    if !case.slow {
        // With no file, the interpreter reads its program from standard input.
        let cmd = env.command(dyn_dir.join("scheme"), &dyn_dir);
        runs.push(("stdin", cmd, Some(case.path.as_path())));
    }
    let mut cmd = env.command(env.tmp.join("static/scheme"), &env.tmp.join("empty"));
    cmd.arg(&case.path);
    runs.push(("static", cmd, None));
    if !case.slow {
        let mut cmd = env.command(dyn_dir.join("scheme"), &dyn_dir);
        cmd.arg(&case.path)
            .env("SEAM_GC_STRESS", "1")
            .env("SEAM_GC_VERIFY", "16");
        runs.push(("stress", cmd, None));
    }
    if !case.slow && !case.deep {
        let mut cmd = env.command(&env.seam, &env.root.join("examples/scheme"));
        cmd.args(["py", "main.py", "--"]).arg(&case.path);
        runs.push(("cpython", cmd, None));
    }
    for (label, mut cmd, input) in runs {
        let out = run_command_input(&mut cmd, input)?;
        if env.bless && label == "cpython" && stderr.is_none() && expected.status != 0 {
            write_file(&case.dir.join(format!("{}.stderr", case.name)), &out.stderr)?;
            continue;
        }
        compare(&mut report, label, &cmd, &out, &expected, stderr.as_deref());
    }
    Ok(report)
}

/// Runs the program under Guile: its stdout and status must be the recorded
/// ones (re-recorded when blessing).
fn check_guile(env: &Env, case: &Case, report: &mut String) -> Result<()> {
    let scratch = env.tmp.join("guile").join(&case.name);
    fs::create_dir_all(scratch.join("cache"))?;
    let program = fs::read_to_string(&case.path)?;
    let file = scratch.join(format!("{}.scm", case.name));
    write_file(&file, format!("{GUILE_PRELUDE}{program}").as_bytes())?;
    let mut cmd = env.command("guile", &scratch);
    cmd.arg("--no-auto-compile")
        .arg(&file)
        .env("XDG_CACHE_HOME", scratch.join("cache"))
        .env("GUILE_AUTO_COMPILE", "0");
    let out = run_command(&mut cmd)?;
    let status = out.status.unwrap_or(-1);
    let dir = &case.dir;
    if env.bless {
        write_file(&dir.join(format!("{}.stdout", case.name)), &out.stdout)?;
        let status_path = dir.join(format!("{}.status", case.name));
        if status == 0 {
            let _ = fs::remove_file(status_path);
        } else {
            write_file(&status_path, b"1\n")?;
        }
        return Ok(());
    }
    let (expected, _) = read_expected(case)?;
    let mut problems = String::new();
    if (status == 0) != (expected.status == 0) {
        let _ = writeln!(
            problems,
            "guile's exit status is {}, the recorded one {}",
            describe_exit(&out),
            expected.status
        );
    }
    if out.stdout != expected.stdout {
        problems.push_str("guile's stdout differs from the recorded one (-recorded +guile):\n");
        problems.push_str(&diff(&expected.stdout, &out.stdout));
    }
    if !problems.is_empty() {
        let _ = writeln!(report, "[guile] {}", show_command(&cmd));
        report.push_str(&indent(&problems));
    }
    Ok(())
}
