//! The random-program harness: programs from `seam-gen`, CPython against the
//! translation, seed by seed.
//!
//! For each seed, the generator writes a well-typed, terminating program
//! (see `gen/src/lib.rs`), and:
//!
//! ```text
//!   seam check TMP/gen_SEED.py              must accept it (a rejection is a generator or checker bug)
//!   seam py TMP/gen_SEED.py                 the oracle: stdout, exit status, last stderr line
//!   seam build-core ... -o TMP/gen_SEED     ──┐
//!   TMP/gen_SEED                              ├─ must agree with the oracle byte for byte
//!   SEAM_GC_STRESS=1 TMP/gen_SEED           ──┘
//! ```
//!
//! Nothing is recorded: CPython is run every time, so there is nothing to
//! bless. Which seeds run:
//!
//! ```text
//!   cargo test -p seam --test gen                      seeds 0..DEFAULT_SEEDS (the normal run)
//!   cargo test -p seam --test gen -- --seeds 0..5000   any range
//!   SEAM_GEN_SEEDS=5000 cargo test -p seam --test gen  seeds 0..5000
//!   cargo test -p seam --test gen -- 1234 77           the listed seeds only
//! ```
//!
//! A failing seed's program is kept in `target/tmp/gen-failures/gen_SEED.py`
//! with the command that shows the difference; `cargo run -p seam-gen
//! --example dump -- SEED` prints it again. Reduce it by hand and keep the
//! reduced program in `tests/programs` (see tests/README.md).

mod support;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use anyhow::{Context, Result, bail};

use support::{
    THREADS, describe_exit, diff, indent, last_line, run_command, run_parallel, show_command, tail,
    workspace_root, write_file,
};

/// Seeds in the normal `cargo test` run: a minute or two on two idle cores.
const DEFAULT_SEEDS: u64 = 300;

/// Sets the number of seeds (from 0) instead of [`DEFAULT_SEEDS`].
const SEEDS_VAR: &str = "SEAM_GEN_SEEDS";

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("gen: harness error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

struct Env {
    root: PathBuf,
    seam: PathBuf,
    tmp: PathBuf,
    failures: PathBuf,
}

impl Env {
    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        support::command(program, &self.root)
    }
}

fn run() -> Result<bool> {
    let root = workspace_root()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seeds = support::seeds(&args, SEEDS_VAR, DEFAULT_SEEDS)?;
    if args.iter().any(|a| a == "--list") {
        for s in &seeds {
            println!("seed {s}: test");
        }
        return Ok(true);
    }
    let target_tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let tmp = target_tmp.join(format!("gen-{}", std::process::id()));
    fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let env = Env {
        root,
        seam: PathBuf::from(env!("CARGO_BIN_EXE_seam")),
        tmp,
        failures: target_tmp.join("gen-failures"),
    };
    println!("gen: running {} seeds on {THREADS} threads", seeds.len());
    let started = Instant::now();
    let mut failed = run_parallel(&seeds, &|s| format!("seed {s}"), &|s| run_seed(&env, *s));
    let _ = fs::remove_dir_all(&env.tmp);
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
        println!(
            "failed (programs kept in {}; reduce each and keep it in tests/programs):",
            env.failures.display()
        );
        for (label, _) in &failed {
            println!("    {label}");
        }
    }
    println!();
    println!(
        "gen: {} passed, {} failed in {:.0}s",
        seeds.len() - failed.len(),
        failed.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(failed.is_empty())
}

/// Runs one seed; returns an empty report when every run agrees with CPython.
fn run_seed(env: &Env, seed: u64) -> Result<String> {
    let source = seam_gen::program(seed);
    let name = format!("gen_{seed}");
    let py = env.tmp.join(format!("{name}.py"));
    write_file(&py, source.as_bytes())?;
    let bin = env.tmp.join(&name);
    let mut report = String::new();

    let mut check = env.command(&env.seam);
    check.arg("check").arg(&py);
    let out = run_command(&mut check)?;
    if out.status != Some(0) {
        let _ = writeln!(
            report,
            "[check] {} rejected the program (a generator bug or a checker bug):",
            show_command(&check)
        );
        report.push_str(&indent(&tail(&out.stderr, 10)));
        return keep(env, seed, &source, report);
    }

    let mut oracle_cmd = env.command(&env.seam);
    oracle_cmd.arg("py").arg(&py);
    let oracle = run_command(&mut oracle_cmd)?;
    if oracle.timed_out || oracle.status.is_none() {
        let _ = writeln!(
            report,
            "[cpython] {} ended with {} (generated programs terminate quickly: a generator bug):",
            show_command(&oracle_cmd),
            describe_exit(&oracle)
        );
        report.push_str(&indent(&tail(&oracle.stderr, 10)));
        return keep(env, seed, &source, report);
    }

    let mut build = env.command(&env.seam);
    build.arg("build-core").arg(&py).arg("-o").arg(&bin);
    let out = run_command(&mut build)?;
    if out.status != Some(0) {
        let _ = writeln!(report, "[build] {} failed:", show_command(&build));
        report.push_str(&indent(&tail(&out.stderr, 10)));
        return keep(env, seed, &source, report);
    }

    for stress in [false, true] {
        let mut cmd = env.command(&bin);
        if stress {
            cmd.env("SEAM_GC_STRESS", "1").env("SEAM_GC_VERIFY", "16");
        }
        let got = run_command(&mut cmd)?;
        let label = if stress {
            "translated, GC stress"
        } else {
            "translated"
        };
        let mut problems = String::new();
        if got.status != oracle.status || got.timed_out {
            let _ = writeln!(
                problems,
                "exit status: CPython {}, translated {}",
                describe_exit(&oracle),
                describe_exit(&got)
            );
        }
        if got.stdout != oracle.stdout {
            let _ = writeln!(problems, "stdout differs (-CPython +translated):");
            problems.push_str(&diff(&oracle.stdout, &got.stdout));
        }
        if oracle.status == Some(1) && last_line(&got.stderr) != last_line(&oracle.stderr) {
            let _ = writeln!(
                problems,
                "last stderr line: CPython {:?}, translated {:?}",
                last_line(&oracle.stderr),
                last_line(&got.stderr)
            );
        }
        if !problems.is_empty() {
            let _ = writeln!(report, "[{label}] {}", show_command(&cmd));
            report.push_str(&indent(&problems));
            return keep(env, seed, &source, report);
        }
    }
    let _ = fs::remove_file(&py);
    let _ = fs::remove_file(&bin);
    let _ = fs::remove_file(env.tmp.join(format!("{name}.exports")));
    Ok(report)
}

/// Keeps a failing seed's program where the report says, and returns the report.
fn keep(env: &Env, seed: u64, source: &str, mut report: String) -> Result<String> {
    fs::create_dir_all(&env.failures)
        .with_context(|| format!("creating {}", env.failures.display()))?;
    let kept = env.failures.join(format!("gen_{seed}.py"));
    write_file(&kept, source.as_bytes())?;
    let _ = writeln!(report, "  program: {}", kept.display());
    if report.is_empty() {
        bail!("a failure without a report");
    }
    Ok(report)
}
