//! `seam py`: running a program untranslated on CPython with the `seam` shim.
//!
//! The shim and the bootstrap script are compiled into the binary and written
//! to the cache directory on first use, so `seam py` works from any directory.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context as _, Result, bail};

use crate::cbuild::{self, CConfig};

const SHIM_INIT: &str = include_str!("../../shim/seam/__init__.py");
const SHIM_TYPED: &str = include_str!("../../shim/seam/py.typed");
const BOOTSTRAP: &str = include_str!("../../shim/bootstrap.py");

/// Runs `entry` with `args` under `python3`, passing its exit status on. The
/// shim builds C code with the toolchain and overrides (`c_config`) the
/// translator uses, told through the environment.
pub fn run(entry: &Path, c_config: &CConfig, args: &[String]) -> Result<ExitCode> {
    if !entry.is_file() {
        bail!("cannot read '{}': no such file", entry.display());
    }
    let bootstrap = install_shim()?;
    let python = std::env::var_os("SEAM_PYTHON").unwrap_or_else(|| "python3".into());
    let c_cache = crate::cache_dir()?.join("py-c");
    let status = Command::new(&python)
        .env(
            "SEAM_C_TOOLCHAIN",
            cbuild::describe(&cbuild::host(), true).trim_end(),
        )
        .env("SEAM_C_CONFIG", cbuild::config_json(c_config))
        .env("SEAM_PY_CACHE", &c_cache)
        .arg(&bootstrap)
        .arg(entry)
        .args(args)
        .status()
        .with_context(|| format!("cannot run {}", python.to_string_lossy()))?;
    Ok(crate::exit_code_of(status))
}

/// Writes the shim into the cache (once per content) and returns the bootstrap script's path.
fn install_shim() -> Result<PathBuf> {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (SHIM_INIT, SHIM_TYPED, BOOTSTRAP).hash(&mut h);
    let dir = crate::cache_dir()?.join(format!("shim-{:016x}", h.finish()));
    let bootstrap = dir.join("bootstrap.py");
    let files = [
        (dir.join("seam").join("__init__.py"), SHIM_INIT),
        (dir.join("seam").join("py.typed"), SHIM_TYPED),
        (bootstrap.clone(), BOOTSTRAP),
    ];
    // What is there is run: use it only if it is exactly this seam's shim.
    let intact = |files: &[(PathBuf, &str)]| {
        files
            .iter()
            .all(|(path, text)| std::fs::read(path).is_ok_and(|b| b == text.as_bytes()))
    };
    if intact(&files) {
        return Ok(bootstrap);
    }
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .with_context(|| format!("cannot replace the damaged shim in {}", dir.display()))?;
    }
    // Write into a private directory, then rename: concurrent first runs must not see half a shim.
    let tmp = dir.with_extension(format!("tmp{}", std::process::id()));
    std::fs::create_dir_all(tmp.join("seam"))
        .with_context(|| format!("cannot create {}", tmp.display()))?;
    std::fs::write(tmp.join("seam").join("__init__.py"), SHIM_INIT)?;
    std::fs::write(tmp.join("seam").join("py.typed"), SHIM_TYPED)?;
    std::fs::write(tmp.join("bootstrap.py"), BOOTSTRAP)?;
    if std::fs::rename(&tmp, &dir).is_err() {
        // Another process won the race; use its copy.
        let _ = std::fs::remove_dir_all(&tmp);
    }
    if !intact(&files) {
        bail!("cannot install the seam shim in {}", dir.display());
    }
    Ok(bootstrap)
}
