//! In-process tests of the front end: source text in, diagnostics out, with no
//! file system, no backend and no linker. The resource limits live here (a test
//! per row of the limits table in `planning/LIMITS.md`), since their inputs are
//! too big to keep as files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{SourceLoader, check_program};
use crate::diag::render;

/// Source files held in memory.
struct MemLoader(HashMap<PathBuf, String>);

impl SourceLoader for MemLoader {
    fn read_file(&self, path: &Path) -> Option<String> {
        self.0.get(path).cloned()
    }

    fn is_dir(&self, _path: &Path) -> bool {
        false
    }
}

/// The stack the command line gives the translator (`cli/src/main.rs`).
const COMPILER_STACK: usize = 256 << 20;

/// Checks `main.py` holding `source`, on a thread with the translator's stack;
/// returns the rendered diagnostics, one string each.
fn check(source: &str) -> Vec<String> {
    let loader = MemLoader(HashMap::from([(
        PathBuf::from("main.py"),
        source.to_string(),
    )]));
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(COMPILER_STACK)
            .spawn_scoped(scope, || {
                let out = check_program(Path::new("main.py"), &loader);
                out.diagnostics
                    .iter()
                    .map(|d| render(d, &out.sources))
                    .collect()
            })
            .expect("spawning the checker thread")
            .join()
            .expect("the checker panicked")
    })
}

/// A `main` whose body is `body` (indented by four spaces already).
fn program(body: &str) -> String {
    format!("def main(argv: list[str]) -> int:\n    x = len(argv)\n{body}    return 0\n")
}

/// An `if` with `n` `elif` clauses.
fn elif_chain(n: usize) -> String {
    let mut body = String::from("    if x == 0:\n        print(0)\n");
    for i in 1..=n {
        body.push_str(&format!("    elif x == {i}:\n        print({i})\n"));
    }
    program(&body)
}

#[test]
fn a_long_elif_chain_is_accepted() {
    assert_eq!(
        check(&elif_chain(super::body::MAX_ELIF_DEPTH)),
        Vec::<String>::new()
    );
}

#[test]
fn an_elif_chain_past_the_limit_is_one_error() {
    let diags = check(&elif_chain(super::body::MAX_ELIF_DEPTH + 1));
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].starts_with(&format!(
            "main.py:{}:5: error: too many elif clauses: more than {} in one chain",
            2 * super::body::MAX_ELIF_DEPTH + 5,
            super::body::MAX_ELIF_DEPTH
        )),
        "{}",
        diags[0]
    );
}
