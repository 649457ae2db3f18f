//! Every accepted Seam program is a typed Python program: `mypy --strict` on
//! each of them, with the `seam` shim on `MYPYPATH`.
//!
//! The cases are the programs Seam translates and runs, so the language's
//! promise that they also type-check under Python's own tools is checked, not
//! hoped:
//!
//! ```text
//!   tests/programs/*.py        one mypy run over all single-file programs
//!   tests/programs/NAME/       one run per multi-module program (main.py and its modules)
//!   tests/memory/*.py          one run over the programs run under a memory limit
//!   tests/hashseed/*.py        one run over the program run with SEAM_HASHSEED
//!   tests/ext/NAME/            one run per core-and-extensions case (main.py, ext*.py, ...)
//!   examples/NAME/             one run per example
//!   tests/projects/NAME/       one run per project (seam.toml's modules, subdirectories included)
//!   examples/scheme/ext/       the Scheme interpreter's extension modules, from examples/scheme
//!   docs/*.md                  one run per complete program in a ```python block
//!   tests/frontend/*.py        one run over the front end's accepted single-file cases
//!   tests/frontend/NAME/       one run per accepted multi-module case
//!   gen_ext/seed_N             seam-gen's random core and extensions for seeds 0..6
//!                              (a sample of what cli/tests/gen_ext.rs runs)
//! ```
//!
//! Directories are checked one at a time because every one of them has its own
//! module named `main`. Each case keeps its own mypy cache under the target
//! directory, so a second run only re-checks what changed.
//!
//! mypy must be installed (`python3 -m pip install mypy`; CI's `.ci/run` does):
//! a missing mypy is a failure, unless `SEAM_SKIP_MYPY=1` says to skip the test.
//! Arguments after `--` that do not start with `-` select cases by name;
//! `--list` lists them. Own `main` (`harness = false`), like the corpus.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context, Result};

use support::{
    Tool, docs, find_tool, indent, print_failed, run_command, run_parallel, tail, workspace_root,
};

/// Set to skip the test when mypy is not installed.
const SKIP_VAR: &str = "SEAM_SKIP_MYPY";

/// Seeds of `seam-gen`'s random cores and extensions checked (0..this): a
/// sample, since mypy takes seconds per case.
const GEN_EXT_SEEDS: u64 = 6;

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("mypy: harness error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// One mypy run: the directory it runs in and the files it is given.
struct Case {
    label: String,
    dir: PathBuf,
    files: Vec<PathBuf>,
}

fn run() -> Result<bool> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let filters = support::filters(&args);
    let root = workspace_root()?;
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mypy");
    let mut cases = collect(&root, &scratch)?;
    if !filters.is_empty() {
        cases.retain(|c| filters.iter().any(|f| c.label.contains(f)));
    }
    if args.iter().any(|a| a == "--list") {
        for case in &cases {
            println!("{}: test", case.label);
        }
        return Ok(true);
    }

    let version = match find_tool(
        "mypy",
        &["python3", "-m", "mypy", "--version"],
        SKIP_VAR,
        "`python3 -m pip install -r tests/requirements.txt`",
    ) {
        Tool::Found(version) => version,
        Tool::Skipped => return Ok(true),
        Tool::Missing => return Ok(false),
    };

    println!("mypy: {} cases under {version} --strict", cases.len());
    let shim = root.join("shim");
    let cache = scratch.join("cache");
    let mut failed = run_parallel(&cases, &|c| c.label.clone(), &|c| {
        check(c, &shim, &cache.join(c.label.replace('/', "__")))
    });
    failed.sort();
    print_failed(
        &failed,
        " (mypy --strict must accept every program Seam accepts)",
    );
    let passed = cases.len() - failed.len();
    println!();
    println!("mypy: {passed} passed, {} failed", failed.len());
    Ok(failed.is_empty())
}

/// Every case, in a stable order. Complete programs found in the docs are
/// written under `scratch` first.
fn collect(root: &Path, scratch: &Path) -> Result<Vec<Case>> {
    let mut cases = Vec::new();
    let programs = root.join("tests/programs");
    let singles = python_files(&programs)?;
    if !singles.is_empty() {
        cases.push(Case {
            label: "programs/*.py".to_string(),
            dir: programs.clone(),
            files: singles,
        });
    }
    for suite in ["memory", "hashseed"] {
        let dir = root.join("tests").join(suite);
        let files = python_files(&dir)?;
        if !files.is_empty() {
            cases.push(Case {
                label: format!("{suite}/*.py"),
                dir,
                files,
            });
        }
    }
    // The front end's snapshot cases: those it accepts (the others start with `# expect:`).
    let frontend = root.join("tests/frontend");
    if frontend.is_dir() {
        let accepted = accepted(python_files(&frontend)?)?;
        if !accepted.is_empty() {
            cases.push(Case {
                label: "frontend/*.py".to_string(),
                dir: frontend.clone(),
                files: accepted,
            });
        }
    }
    for (suite, dir) in [
        ("programs", programs),
        ("ext", root.join("tests/ext")),
        ("examples", root.join("examples")),
        ("frontend", frontend),
        ("projects", root.join("tests/projects")),
    ] {
        for sub in subdirs(&dir)? {
            let mut files = accepted(python_files(&sub)?)?;
            // A project's modules may sit in subdirectories (`ext/greeter.py`),
            // checked with the core from the project's directory.
            if suite == "projects" {
                for nested in subdirs(&sub)? {
                    files.extend(accepted(python_files(&nested)?)?);
                }
            }
            if files.is_empty() {
                continue;
            }
            let name = sub.file_name().unwrap_or_default().to_string_lossy();
            cases.push(Case {
                label: format!("{suite}/{name}"),
                dir: sub,
                files,
            });
        }
    }
    // The Scheme interpreter's extension modules sit in a subdirectory of their
    // core's and import it: checked from the core's directory.
    let scheme = root.join("examples/scheme");
    let scheme_ext = scheme.join("ext");
    if scheme_ext.is_dir() {
        let files = python_files(&scheme_ext)?;
        if !files.is_empty() {
            cases.push(Case {
                label: "examples/scheme/ext".to_string(),
                dir: scheme,
                files,
            });
        }
    }
    // A sample of the random cores and extensions `cli/tests/gen_ext.rs` runs.
    for seed in 0..GEN_EXT_SEEDS {
        let dir = scratch.join("gen_ext").join(format!("seed_{seed}"));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let case = seam_gen::seam::case(seed);
        fs::write(dir.join("main.py"), &case.core)
            .with_context(|| format!("writing {}", dir.display()))?;
        for (name, source) in &case.extensions {
            fs::write(dir.join(name), source)
                .with_context(|| format!("writing {}", dir.display()))?;
        }
        cases.push(Case {
            label: format!("gen_ext/seed_{seed}"),
            files: python_files(&dir)?,
            dir,
        });
    }
    for program in docs::programs(root)? {
        let dir = scratch.join("docs").join(&program.name);
        let _ = fs::remove_dir_all(&dir);
        program.write_to(&dir)?;
        let files = python_files(&dir)?;
        cases.push(Case {
            label: format!("docs/{}", program.name),
            dir,
            files,
        });
    }
    Ok(cases)
}

fn check(case: &Case, shim: &Path, cache: &Path) -> Result<String> {
    let mut cmd = Command::new("python3");
    cmd.current_dir(&case.dir)
        .env("MYPYPATH", shim)
        .args([
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--cache-dir",
        ])
        .arg(cache)
        .args(
            case.files
                .iter()
                .map(|f| f.strip_prefix(&case.dir).unwrap_or(f)),
        );
    let out = run_command(&mut cmd)?;
    if out.timed_out {
        return Ok(format!("mypy timed out in {}\n", case.dir.display()));
    }
    if out.status == Some(0) {
        return Ok(String::new());
    }
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    Ok(format!(
        "mypy --strict failed in {}:\n{}",
        case.dir.display(),
        indent(&tail(text.as_bytes(), 40))
    ))
}

/// The `.py` files directly in `dir`, sorted.
fn python_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "py") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The files that are not programs Seam must reject (`# expect: ...` on their first line).
fn accepted(files: Vec<PathBuf>) -> Result<Vec<PathBuf>> {
    let mut kept = Vec::new();
    for file in files {
        let text =
            fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
        if !text.starts_with("# expect:") {
            kept.push(file);
        }
    }
    Ok(kept)
}

/// The subdirectories of `dir`, sorted; none when `dir` does not exist.
fn subdirs(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut dirs = Vec::new();
    if !dir.is_dir() {
        return Ok(dirs);
    }
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            dirs.push(path);
        }
    }
    dirs.sort();
    Ok(dirs)
}
