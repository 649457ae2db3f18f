//! `SEAM_HASHSEED`, end to end: a translated program's `str` hashes (and so
//! `hash()` of a string and the order of a set of strings) are keyed per
//! process, the same for every run with one seed, different across seeds and
//! across runs without one; a value that is neither `random` nor an integer in
//! `[0; 4294967295]` stops the program before it starts, with one message and
//! status 1, as CPython does for `PYTHONHASHSEED`.
//!
//! The program is `tests/hashseed/keys.py`; its output depends on the key, so
//! it has no recorded expectation: the runs are compared with each other.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::{RunOutput, describe_exit, run_command, show_command, workspace_root};

/// Builds `tests/hashseed/keys.py` once per test into a scratch directory.
fn build(test: &str) -> PathBuf {
    let root = workspace_root().expect("the workspace root");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("hashseed-{test}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("creating the scratch directory");
    let exe = dir.join("keys");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_seam"));
    cmd.arg("build-core")
        .arg(root.join("tests/hashseed/keys.py"))
        .arg("-o")
        .arg(&exe);
    let out = run_command(&mut cmd).expect("running seam build-core");
    assert_eq!(
        out.status,
        Some(0),
        "{}\n{}",
        show_command(&cmd),
        String::from_utf8_lossy(&out.stderr)
    );
    exe
}

/// Runs `exe` with `SEAM_HASHSEED` set to `seed` (unset for `None`).
fn run(exe: &Path, seed: Option<&str>) -> RunOutput {
    let mut cmd = Command::new(exe);
    match seed {
        Some(s) => cmd.env("SEAM_HASHSEED", s),
        None => cmd.env_remove("SEAM_HASHSEED"),
    };
    run_command(&mut cmd).expect("running the program")
}

/// The stdout of a run that must succeed quietly.
fn stdout(exe: &Path, seed: Option<&str>) -> String {
    let out = run(exe, seed);
    assert!(
        out.status == Some(0) && out.stderr.is_empty(),
        "SEAM_HASHSEED={seed:?}: {}\n{}",
        describe_exit(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The first line: `hash("abc")` and `hash("seam")`.
fn hashes(output: &str) -> &str {
    output.lines().next().unwrap_or_default()
}

#[test]
fn a_fixed_seed_gives_the_same_hashes_and_order_every_run() {
    let exe = build("fixed");
    for seed in ["0", "42", "4294967295"] {
        let first = stdout(&exe, Some(seed));
        assert_eq!(first, stdout(&exe, Some(seed)), "SEAM_HASHSEED={seed}");
    }
    // Different seeds give different keys: two 64-bit hashes agreeing by
    // chance is out of the question.
    assert_ne!(
        hashes(&stdout(&exe, Some("42"))),
        hashes(&stdout(&exe, Some("43")))
    );
    // Read as CPython reads PYTHONHASHSEED (C's strtoul): the same seeds.
    assert_eq!(stdout(&exe, Some(" +42")), stdout(&exe, Some("42")));
    assert_eq!(stdout(&exe, Some("-0")), stdout(&exe, Some("0")));
}

#[test]
fn without_a_seed_or_with_random_each_run_has_its_own_key() {
    let exe = build("random");
    let runs = [
        stdout(&exe, None),
        stdout(&exe, None),
        stdout(&exe, Some("random")),
        stdout(&exe, Some("")),
    ];
    for pair in runs.windows(2) {
        assert_ne!(hashes(&pair[0]), hashes(&pair[1]));
    }
    // The program's other lines are there, whatever the key.
    assert!(runs.iter().all(|r| r.lines().count() == 3), "{runs:?}");
}

#[test]
fn a_bad_seed_stops_the_program_with_one_message() {
    let exe = build("bad");
    for seed in ["x", "-1", "4294967296", "1 ", "+"] {
        let out = run(&exe, Some(seed));
        assert_eq!(
            out.status,
            Some(1),
            "SEAM_HASHSEED={seed:?}: {}",
            describe_exit(&out)
        );
        assert!(
            out.stdout.is_empty(),
            "SEAM_HASHSEED={seed:?} printed output"
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "seam: SEAM_HASHSEED must be \"random\" or an integer in range [0; 4294967295]\n",
            "SEAM_HASHSEED={seed:?}"
        );
    }
}
