//! Linking a translated program's object file with the runtime library.
//!
//! The executable exports exactly the symbols extension modules may need
//! (the runtime ABI and the program's own symbols) through a dynamic list,
//! rather than `-rdynamic`, which would export all of the Rust standard library.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

/// The runtime static library's file name.
const RUNTIME_LIB: &str = "libseam_runtime.a";

/// Finds the runtime library: `SEAM_RUNTIME_LIB`, else next to the `seam`
/// executable (or one directory up, for test binaries under `deps/`).
pub fn runtime_library() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("SEAM_RUNTIME_LIB") {
        let p = PathBuf::from(p);
        if p.is_file() {
            return Ok(p);
        }
        bail!(
            "SEAM_RUNTIME_LIB names '{}', which is not a file",
            p.display()
        );
    }
    let exe = std::env::current_exe().context("cannot locate the seam executable")?;
    let mut dir = exe.parent().map(Path::to_path_buf);
    for _ in 0..2 {
        let Some(d) = dir else { break };
        let candidate = d.join(RUNTIME_LIB);
        if candidate.is_file() {
            return Ok(candidate);
        }
        dir = d.parent().map(Path::to_path_buf);
    }
    bail!(
        "cannot find the runtime library {RUNTIME_LIB} next to {}: build it with \
         'cargo build -p seam-runtime' (same profile as seam) or set SEAM_RUNTIME_LIB",
        exe.display()
    )
}

/// Something that changes whenever a rebuilt `seam` or runtime could change the output.
pub fn toolchain_identity() -> String {
    let stamp = |p: &Path| {
        std::fs::metadata(p)
            .and_then(|m| m.modified())
            .map(|t| format!("{t:?}"))
            .unwrap_or_default()
    };
    let exe = std::env::current_exe().unwrap_or_default();
    let rt = runtime_library().unwrap_or_default();
    format!(
        "{}|{}|{}|{}",
        exe.display(),
        stamp(&exe),
        rt.display(),
        stamp(&rt)
    )
}

/// Links a core's `object`, the objects of extensions linked in (`--static-ext`)
/// and the runtime into the executable `output`.
pub fn link_executable_with(
    object: &[u8],
    extensions: &[Vec<u8>],
    dynamic_symbols: &[String],
    output: &Path,
) -> Result<()> {
    let runtime = runtime_library()?;
    let work = tempdir(output)?;
    let result = (|| {
        let mut objects = vec![write_object(&work, "program.o", object)?];
        for (i, ext) in extensions.iter().enumerate() {
            objects.push(write_object(&work, &format!("extension{i}.o"), ext)?);
        }
        let list_path = work.join("dynamic.list");
        let mut list = String::from("{\n");
        for s in dynamic_symbols {
            list.push_str("  \"");
            list.push_str(s);
            list.push_str("\";\n");
        }
        list.push_str("};\n");
        std::fs::write(&list_path, list)
            .with_context(|| format!("cannot write {}", list_path.display()))?;
        let mut cc = Command::new("cc");
        cc.args(&objects);
        // Extensions loaded later may call any runtime function, including ones this
        // core never calls: make the linker keep every exported symbol's archive member.
        for s in dynamic_symbols {
            cc.arg(format!("-Wl,--undefined={s}"));
        }
        cc.arg(&runtime)
            .arg("-o")
            .arg(output)
            .arg(format!("-Wl,--dynamic-list={}", list_path.display()))
            // The runtime's float helpers call libm (pow, fmod).
            .arg("-lm");
        run_linker(cc, output)
    })();
    let _ = std::fs::remove_dir_all(&work);
    result
}

/// Links an extension's `object` into the shared library `output`.
///
/// The image holds the extension's code and data only: no C start files, no C
/// library (`-nostdlib`), so no ELF constructors and no `DT_NEEDED`; its one
/// dynamic symbol is `init_module`, which the object defines beside the
/// extension's hidden `init_module` function; everything else is hidden. Its
/// undefined symbols (the core's functions, descriptors, globals and the
/// runtime) are resolved against the core by Seam's own loader, which maps the
/// file near the core (`runtime/src/mapper.rs`).
pub fn link_shared(object: &[u8], output: &Path) -> Result<()> {
    let work = tempdir(output)?;
    let result = (|| {
        let obj = write_object(&work, "extension.o", object)?;
        // With no start files and no C library, the driver would only pass
        // these options on to `ld`: calling `ld` itself saves starting `cc`
        // and `collect2` (about half the link's 5 ms). Without `ld` on the
        // path, the driver finds its own.
        let options = [
            "-z",
            "noexecstack",
            "-z",
            "relro",
            "-z",
            "now",
            "--hash-style=gnu",
            "--eh-frame-hdr",
            // The static relocations stay in the file: the loader relaxes
            // the GOT loads of the core's symbols, then near, into `lea`s.
            "--emit-relocs",
        ];
        let mut ld = Command::new("ld");
        ld.arg("-shared")
            .arg(&obj)
            .args(options)
            .arg("-o")
            .arg(output);
        match ld.output() {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut cc = Command::new("cc");
                cc.args(["-shared", "-nostdlib"]).arg(&obj);
                for o in options {
                    cc.arg(format!("-Wl,{o}"));
                }
                cc.arg("-o").arg(output);
                run_linker(cc, output)
            }
            Err(e) => bail!("cannot run the linker 'ld': {e}"),
            Ok(out) if !out.status.success() => bail!(
                "linking {} failed:\n{}",
                output.display(),
                String::from_utf8_lossy(&out.stderr)
            ),
            Ok(_) => Ok(()),
        }
    })();
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn write_object(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

fn run_linker(mut cc: Command, output: &Path) -> Result<()> {
    let out = cc
        .output()
        .context("cannot run the linker 'cc': is gcc installed?")?;
    if !out.status.success() {
        bail!(
            "linking {} failed:\n{}",
            output.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

/// A fresh scratch directory beside the output (same file system, cleaned up by the caller).
fn tempdir(output: &Path) -> Result<PathBuf> {
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = parent.join(format!(".{name}.seam-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}
