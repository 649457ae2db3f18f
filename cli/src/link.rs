//! Linking a translated program's object file with the runtime library.
//!
//! The executable exports exactly the symbols extension modules may need
//! (the runtime ABI and the program's own symbols) through a dynamic list,
//! rather than `-rdynamic`, which would export all of the Rust standard library.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};
use seam_core::tir::CLibrary;

use crate::cbuild::{self, CConfig, CObjects};

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

/// Links a core's `object`, the objects of extensions linked in (`--static-ext`),
/// the C code of both (`c_libs`, compiled here with `c_config`) and the runtime
/// into the executable `output`. Returns the files the C compiler read.
pub fn link_executable_with(
    object: &[u8],
    extensions: &[Vec<u8>],
    dynamic_symbols: &[String],
    output: &Path,
    c_libs: &[CLibrary],
    c_config: &CConfig,
) -> Result<Vec<PathBuf>> {
    let runtime = runtime_library()?;
    let tc = cbuild::host();
    let work = tempdir(output)?;
    let result = (|| {
        let c = cbuild::compile(c_libs, c_config, &tc, &work)?;
        let mut objects = vec![write_object(&work, "program.o", object)?];
        for (i, ext) in extensions.iter().enumerate() {
            objects.push(write_object(&work, &format!("extension{i}.o"), ext)?);
        }
        // The C objects are named one by one, never archived: nothing of them
        // is dropped, as `--whole-archive` would ensure for an archive.
        objects.extend(c.objects.iter().cloned());
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
        let mut cc = Command::new(&tc.cc);
        cc.args(&objects);
        // Extensions loaded later may call any runtime function, including ones this
        // core never calls: make the linker keep every exported symbol's archive member.
        for s in dynamic_symbols {
            cc.arg(format!("-Wl,--undefined={s}"));
        }
        cc.arg(&runtime)
            .args(&c.link_args)
            .arg("-o")
            .arg(output)
            .arg(format!("-Wl,--dynamic-list={}", list_path.display()))
            .args(&tc.exe_libs);
        run_linker(cc, output, &c)?;
        Ok(c.inputs)
    })();
    let _ = std::fs::remove_dir_all(&work);
    result
}

/// Links an extension's `object` and its modules' C code (`c_libs`, compiled
/// here with `c_config`) into the shared library `output`. Returns the files
/// the C compiler read.
///
/// Without C code, the image holds the extension's code and data only: no C
/// start files, no C library (`-nostdlib`), so no ELF constructors and no
/// `DT_NEEDED`. With C code, it links the C library and the libraries the
/// modules name (`DT_NEEDED`, opened by the loader), still without start
/// files. Its one
/// dynamic symbol is `init_module`, which the object defines beside the
/// extension's hidden `init_module` function; everything else is hidden. Its
/// undefined symbols (the core's functions, descriptors, globals and the
/// runtime) are resolved against the core by Seam's own loader, which maps the
/// file near the core (`runtime/src/mapper.rs`).
pub fn link_shared(
    object: &[u8],
    output: &Path,
    c_libs: &[CLibrary],
    c_config: &CConfig,
) -> Result<Vec<PathBuf>> {
    let tc = cbuild::host();
    let work = tempdir(output)?;
    let result = (|| {
        let obj = write_object(&work, "extension.o", object)?;
        let c = cbuild::compile(c_libs, c_config, &tc, &work)?;
        if !c.is_empty() {
            // `init_module` stays the one dynamic symbol: the C code's global
            // functions are for the extension's own calls.
            let script = work.join("exports.map");
            std::fs::write(&script, "{ global: init_module; local: *; };\n")
                .with_context(|| format!("cannot write {}", script.display()))?;
            let mut cc = Command::new(&tc.cc);
            cc.args(&tc.shared_ldflags)
                .arg(format!("-Wl,--version-script={}", script.display()))
                .arg(&obj)
                .args(&c.objects)
                .args(&c.link_args)
                .arg("-o")
                .arg(output);
            run_linker(cc, output, &c)?;
            return Ok(c.inputs);
        }
        // With no start files and no C library, the driver would only pass
        // the toolchain's options on to `ld`: calling `ld` itself saves
        // starting `cc` and `collect2` (about half the link's 5 ms). Without
        // `ld` on the path, the driver finds its own.
        let options: Vec<&str> = tc
            .shared_ldflags
            .iter()
            .filter_map(|f| f.strip_prefix("-Wl,"))
            .flat_map(|f| f.split(','))
            .collect();
        let mut ld = Command::new("ld");
        ld.arg("-shared")
            .arg(&obj)
            .args(&options)
            .arg("-o")
            .arg(output);
        match ld.output() {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut cc = Command::new(&tc.cc);
                cc.args(["-shared", "-nostdlib"])
                    .args(tc.shared_ldflags.iter().filter(|f| f.starts_with("-Wl,")))
                    .arg(&obj)
                    .arg("-o")
                    .arg(output);
                run_linker(cc, output, &c)?;
            }
            Err(e) => bail!("cannot run the linker 'ld': {e}"),
            Ok(out) if !out.status.success() => bail!(
                "linking {} failed:\n{}",
                output.display(),
                String::from_utf8_lossy(&out.stderr)
            ),
            Ok(_) => {}
        }
        Ok(Vec::new())
    })();
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn write_object(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

fn run_linker(mut cc: Command, output: &Path, c: &CObjects) -> Result<()> {
    let out = cc
        .output()
        .context("cannot run the linker 'cc': is gcc installed?")?;
    if !out.status.success() {
        return Err(cbuild::link_failure(
            c,
            output,
            &String::from_utf8_lossy(&out.stderr),
        ));
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
