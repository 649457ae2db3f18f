//! What the fuzz targets share: an in-memory source loader and the
//! translator's thread (the command line checks on a 256 MiB stack, and deep
//! inputs must be refused by the front end's guards, not by a small stack).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use seam_core::frontend::SourceLoader;

/// The stack `cli/src/main.rs` gives the translator.
const COMPILER_STACK: usize = 256 << 20;

/// Source files held in memory; nothing is a directory.
pub struct MemLoader(pub HashMap<PathBuf, String>);

impl MemLoader {
    /// One file, `name`, holding `source`.
    pub fn one(name: &str, source: &str) -> MemLoader {
        MemLoader(HashMap::from([(PathBuf::from(name), source.to_string())]))
    }
}

impl SourceLoader for MemLoader {
    fn read_file(&self, path: &Path) -> Option<String> {
        self.0.get(path).cloned()
    }

    fn is_dir(&self, _path: &Path) -> bool {
        false
    }
}

/// Runs `f` on a thread with the translator's stack. A panic on that thread
/// is re-raised here, where libFuzzer reports it with the input.
pub fn on_compiler_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .stack_size(COMPILER_STACK)
            .spawn_scoped(scope, f)
            .expect("spawning the checker thread");
        match handle.join() {
            Ok(v) => v,
            Err(payload) => std::panic::resume_unwind(payload),
        }
    })
}
