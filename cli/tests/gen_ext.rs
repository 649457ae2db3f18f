//! The random seam harness: cores and extensions from `seam-gen`'s `seam`
//! module, run the ways a Seam program with extensions can run, seed by seed.
//!
//! For each seed, the generator writes a core `main.py` and one or two
//! extensions (`ext.py`, `ext2.py`; see `gen/src/seam.rs`) into
//! `TMP/seed_N/`, and:
//!
//! ```text
//!   cd TMP/seed_N && seam py main.py              the oracle: stdout, exit status, last stderr line
//!   seam build-core main.py -o static/core --static-ext ext.py [--static-ext ext2.py]
//!   cd TMP/seed_N/scratch && ../static/core       ─┐
//!   seam build-core main.py -o dyn/core            │
//!   cd TMP/seed_N/src_ext && seam build-ext ext.py --exports ../dyn/core.exports -o ../dyn/ext.so
//!   cd TMP/seed_N/src_ext2 && seam build-ext ext2.py --exports ../dyn/core.exports
//!                     --exports ../dyn/ext.exports -o ../dyn/ext2.so
//!                                                  │ (each extension alone in its directory;
//!                                                  │ ext.exports is written beside ext.so, and
//!                                                  │ a layered ext2 builds on it)
//!   cd TMP/seed_N/dyn && ./core                    ├─ must agree with the oracle
//!   cd TMP/seed_N/dyn && SEAM_GC_STRESS=1 ./core  ─┘
//! ```
//!
//! Extensions are linked in and loaded in their order (ext, then ext2). When
//! the case probes the load order (the core loads a layered ext2 before ext
//! and prints the `ImportError`), the oracle must print the line the
//! generator expects (`SeamCase::expect`), and the other ways agree with it.
//!
//! Nothing is recorded: CPython runs every time. Which seeds run:
//!
//! ```text
//!   cargo test -p seam --test gen_ext                       seeds 0..DEFAULT_SEEDS (the normal run)
//!   cargo test -p seam --test gen_ext -- --seeds 0..2000    any range
//!   SEAM_GEN_EXT_SEEDS=500 cargo test -p seam --test gen_ext   seeds 0..500
//!   cargo test -p seam --test gen_ext -- 1234 77            the listed seeds only
//! ```
//!
//! A failing seed's files are kept in `target/tmp/gen-ext-failures/seed_N/`
//! with `commands` (how to rerun each way); `cargo run -p seam-gen --example
//! dump_seam -- N` prints them again. Reduce a failure by hand and keep it as
//! a case in `tests/ext` (see tests/README.md).

mod support;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use anyhow::{Context, Result};

use support::{
    RunOutput, THREADS, describe_exit, diff, indent, last_line, run_command, run_parallel,
    show_command, tail, workspace_root, write_file,
};

/// Seeds in the normal `cargo test` run: about two minutes on the project's
/// loaded 2-core machine (each seed builds two cores and its extensions).
const DEFAULT_SEEDS: u64 = 60;

/// Sets the number of seeds (from 0) instead of [`DEFAULT_SEEDS`].
const SEEDS_VAR: &str = "SEAM_GEN_EXT_SEEDS";

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("gen_ext: harness error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

struct Env {
    seam: PathBuf,
    tmp: PathBuf,
    failures: PathBuf,
}

impl Env {
    fn command(&self, program: impl AsRef<std::ffi::OsStr>, cwd: &Path) -> Command {
        support::command(program, cwd)
    }
}

fn run() -> Result<bool> {
    // The workspace root only to fail early outside the workspace.
    workspace_root()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seeds = support::seeds(&args, SEEDS_VAR, DEFAULT_SEEDS)?;
    if args.iter().any(|a| a == "--list") {
        for s in &seeds {
            println!("seed {s}: test");
        }
        return Ok(true);
    }
    let target_tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let tmp = target_tmp.join(format!("gen-ext-{}", std::process::id()));
    fs::create_dir_all(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let env = Env {
        seam: PathBuf::from(env!("CARGO_BIN_EXE_seam")),
        tmp,
        failures: target_tmp.join("gen-ext-failures"),
    };
    println!(
        "gen_ext: running {} seeds on {THREADS} threads",
        seeds.len()
    );
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
            "failed (cases kept in {}; reduce each and keep it in tests/ext):",
            env.failures.display()
        );
        for (label, _) in &failed {
            println!("    {label}");
        }
    }
    println!();
    println!(
        "gen_ext: {} passed, {} failed in {:.0}s",
        seeds.len() - failed.len(),
        failed.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(failed.is_empty())
}

/// What one seed's run has done so far: the report and the commands to rerun.
struct Seed {
    report: String,
    commands: String,
}

impl Seed {
    /// Runs a build that must succeed; on failure notes it and returns false.
    fn build(&mut self, label: &str, cmd: &mut Command) -> Result<bool> {
        let _ = writeln!(self.commands, "{}", show_command(cmd));
        let out = run_command(cmd)?;
        if out.timed_out || out.status != Some(0) {
            let _ = writeln!(
                self.report,
                "[{label}] failed ({}): {}",
                describe_exit(&out),
                show_command(cmd)
            );
            self.report.push_str(&indent(&tail(&out.stderr, 20)));
            return Ok(false);
        }
        Ok(true)
    }

    /// Runs a translated program and compares it with the oracle.
    fn compare(&mut self, label: &str, cmd: &mut Command, oracle: &RunOutput) -> Result<()> {
        let _ = writeln!(self.commands, "{}", show_command(cmd));
        let got = run_command(cmd)?;
        let mut problems = String::new();
        if got.status != oracle.status || got.timed_out {
            let _ = writeln!(
                problems,
                "exit status: CPython {}, {label} {}",
                describe_exit(oracle),
                describe_exit(&got)
            );
        }
        if got.stdout != oracle.stdout {
            let _ = writeln!(problems, "stdout differs (-CPython +{label}):");
            problems.push_str(&diff(&oracle.stdout, &got.stdout));
        }
        if last_line(&got.stderr) != last_line(&oracle.stderr) {
            let _ = writeln!(
                problems,
                "last stderr line: CPython {:?}, {label} {:?}",
                last_line(&oracle.stderr),
                last_line(&got.stderr)
            );
        }
        if !problems.is_empty() {
            let _ = writeln!(self.report, "[{label}] {}", show_command(cmd));
            self.report.push_str(&indent(&problems));
        }
        Ok(())
    }
}

/// Runs one seed; returns an empty report when every run agrees with CPython.
fn run_seed(env: &Env, seed: u64) -> Result<String> {
    let case = seam_gen::seam::case(seed);
    let dir = env.tmp.join(format!("seed_{seed}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    write_file(&dir.join("main.py"), case.core.as_bytes())?;
    for (name, source) in &case.extensions {
        write_file(&dir.join(name), source.as_bytes())?;
    }
    let mut s = Seed {
        report: String::new(),
        commands: String::new(),
    };

    let mut py = env.command(&env.seam, &dir);
    py.arg("py").arg("main.py");
    let _ = writeln!(s.commands, "{}", show_command(&py));
    let oracle = run_command(&mut py)?;
    if oracle.timed_out || !matches!(oracle.status, Some(0 | 1)) {
        let _ = writeln!(
            s.report,
            "[cpython] {} ended with {} (generated cases run quickly and end with 0 or an uncaught exception: a generator bug):",
            show_command(&py),
            describe_exit(&oracle)
        );
        s.report.push_str(&indent(&tail(&oracle.stderr, 10)));
        return keep(env, seed, &dir, s);
    }
    if oracle.status == Some(1) && !last_line(&oracle.stderr).contains("boom from") {
        let _ = writeln!(
            s.report,
            "[cpython] {} raised what the generator did not mean to (a generator bug): {}",
            show_command(&py),
            last_line(&oracle.stderr)
        );
        return keep(env, seed, &dir, s);
    }

    // Lines the generator means every way to print (the load-order probe's
    // ImportError): the oracle must print them, and the others agree with it.
    let stdout = String::from_utf8_lossy(&oracle.stdout);
    for line in &case.expect {
        if !stdout.lines().any(|l| l == line) {
            let _ = writeln!(
                s.report,
                "[cpython] {} did not print the line the generator expects: {line:?}",
                show_command(&py)
            );
        }
    }
    if !s.report.is_empty() {
        return keep(env, seed, &dir, s);
    }

    // (b) Linked in (in load order), run where there is nothing to load from disk.
    let scratch = dir.join("scratch");
    fs::create_dir_all(&scratch).with_context(|| format!("creating {}", scratch.display()))?;
    let mut build = env.command(&env.seam, &dir);
    build
        .arg("build-core")
        .arg("main.py")
        .arg("-o")
        .arg("static/core");
    for (name, _) in &case.extensions {
        build.arg("--static-ext").arg(name);
    }
    if s.build("build-core --static-ext", &mut build)? {
        let mut run = env.command(dir.join("static/core"), &scratch);
        s.compare("static", &mut run, &oracle)?;
    }

    // (c) Extensions built against the exports file alone, loaded from .so files.
    let mut build = env.command(&env.seam, &dir);
    build
        .arg("build-core")
        .arg("main.py")
        .arg("-o")
        .arg("dyn/core");
    let mut built = s.build("build-core", &mut build)?;
    // Each extension is built against the core's exports and every earlier
    // extension's (`ext.exports`, written beside `ext.so`): a layer uses the
    // ones its source names, the others are ignored.
    let mut earlier: Vec<String> = Vec::new();
    for (name, source) in &case.extensions {
        // `src_ext/ext.py`, `src_ext2/ext2.py`: each extension alone in its directory.
        let src = dir.join(format!("src_{}", name.trim_end_matches(".py")));
        fs::create_dir_all(&src).with_context(|| format!("creating {}", src.display()))?;
        write_file(&src.join(name), source.as_bytes())?;
        let mut ext = env.command(&env.seam, &src);
        ext.arg("build-ext")
            .arg(name)
            .arg("--exports")
            .arg("../dyn/core.exports");
        for stem in &earlier {
            ext.arg("--exports").arg(format!("../dyn/{stem}.exports"));
        }
        let stem = name.trim_end_matches(".py");
        ext.arg("-o").arg(format!("../dyn/{stem}.so"));
        built = built && s.build("build-ext", &mut ext)?;
        earlier.push(stem.to_string());
    }
    if built {
        let mut run = env.command(dir.join("dyn/core"), &dir.join("dyn"));
        s.compare(".so", &mut run, &oracle)?;
        let mut run = env.command(dir.join("dyn/core"), &dir.join("dyn"));
        run.env("SEAM_GC_STRESS", "1").env("SEAM_GC_VERIFY", "16");
        s.compare(".so, GC stress", &mut run, &oracle)?;
    }
    if s.report.is_empty() {
        let _ = fs::remove_dir_all(&dir);
        return Ok(String::new());
    }
    keep(env, seed, &dir, s)
}

/// Moves a failing seed's directory (sources, builds and `commands`, which
/// reruns each way there) where the report says, and returns the report.
fn keep(env: &Env, seed: u64, dir: &Path, mut s: Seed) -> Result<String> {
    let kept = env.failures.join(format!("seed_{seed}"));
    let _ = fs::remove_dir_all(&kept);
    fs::create_dir_all(&env.failures)
        .with_context(|| format!("creating {}", env.failures.display()))?;
    fs::rename(dir, &kept)
        .with_context(|| format!("moving {} to {}", dir.display(), kept.display()))?;
    // The commands name the seed's directory as it was, absolute or from the root.
    let mut commands = s
        .commands
        .replace(&dir.display().to_string(), &kept.display().to_string());
    if let Ok(root) = workspace_root()
        && let (Ok(from), Ok(to)) = (dir.strip_prefix(&root), kept.strip_prefix(&root))
    {
        commands = commands.replace(&from.display().to_string(), &to.display().to_string());
    }
    write_file(&kept.join("commands"), commands.as_bytes())?;
    let _ = writeln!(s.report, "  case: {} (with its commands)", kept.display());
    Ok(s.report)
}
