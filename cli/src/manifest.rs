//! The project manifest, `seam.toml`: a core, its extension modules (each
//! linked in or built as a `.so`), the output directory, per-project C build
//! overrides and the arguments `seam run` passes.
//!
//! Parsed with the `toml` crate into typed tables that refuse unknown keys,
//! then checked (files exist, names agree, link kinds are known); every
//! problem is a diagnostic `seam.toml:LINE:COL: error: ...` rendered like the
//! translator's. Relative paths resolve against the manifest's directory.
//! This module knows nothing of building: `project.rs` turns a [`Manifest`]
//! into builds.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use seam_core::diag::{self, Diagnostic, SourceMap};
use serde::Deserialize;
use toml::Spanned;

use crate::cbuild::{CConfig, COverrides};

/// The manifest's file name, looked for in the current directory.
pub const FILE_NAME: &str = "seam.toml";

/// A checked manifest, every path absolute.
#[derive(Clone, Debug)]
pub struct Manifest {
    /// The manifest's directory, against which its paths resolve.
    pub dir: PathBuf,
    /// The core's entry module.
    pub entry: PathBuf,
    /// The core executable's file name inside `out_dir`.
    pub output: String,
    /// Where the core, the `.so` files and the exports files go.
    pub out_dir: PathBuf,
    /// Extension modules in the order declared: a module may build on those before it.
    pub modules: Vec<Module>,
    /// `[c]` and `[modules.NAME.c]`.
    pub c_config: CConfig,
    /// `[run] args`: what `seam run` passes the program before its own arguments.
    pub run_args: Vec<String>,
}

/// An extension module of a project.
#[derive(Clone, Debug)]
pub struct Module {
    /// Its name: the file stem, as `load_extension` and `[modules.NAME]` know it.
    pub name: String,
    /// Its source, absolute.
    pub path: PathBuf,
    pub link: Link,
    /// For a shared module: the earlier shared modules whose exports it is
    /// compiled against (`uses`); `None` means all of them.
    pub uses: Option<Vec<String>>,
}

/// How an extension module reaches the core.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// Built as a `.so` the core loads at run time.
    Shared,
    /// Linked into the core executable (`build-core --static-ext`).
    Static,
}

/// Reads and checks the manifest at `path` (named `display` in diagnostics).
/// `Ok(None)` when it has errors, already printed.
pub fn load(path: &Path) -> Result<Option<Manifest>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the manifest {}", path.display()))?;
    let display = path.display().to_string();
    let absolute =
        std::path::absolute(path).with_context(|| format!("cannot resolve {}", path.display()))?;
    let dir = absolute
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("/"));
    match parse(&text, &dir) {
        Ok(manifest) => Ok(Some(manifest)),
        Err(errors) => {
            let mut sources = SourceMap::default();
            let file = sources.add(display, text);
            let mut out = String::new();
            for (span, message) in errors {
                out.push_str(&diag::render(
                    &Diagnostic {
                        file,
                        start: span.start as u32,
                        end: span.end as u32,
                        message,
                    },
                    &sources,
                ));
            }
            eprint!("{out}");
            Ok(None)
        }
    }
}

/// An error: the byte range it is about and the message.
type Error = (Range<usize>, String);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    out_dir: Option<Spanned<String>>,
    core: Spanned<RawCore>,
    #[serde(default)]
    modules: BTreeMap<Spanned<String>, Spanned<RawModule>>,
    #[serde(default)]
    c: RawC,
    #[serde(default)]
    run: RawRun,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCore {
    entry: Spanned<String>,
    output: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModule {
    path: Option<Spanned<String>>,
    link: Option<Spanned<String>>,
    uses: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    c: RawC,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawC {
    #[serde(default)]
    include_dirs: Vec<String>,
    #[serde(default)]
    library_dirs: Vec<String>,
    libraries: Option<Vec<String>>,
    #[serde(default)]
    cflags: Vec<String>,
    #[serde(default)]
    ldflags: Vec<String>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRun {
    #[serde(default)]
    args: Vec<String>,
}

/// Parses and checks a manifest's text; `dir` is its directory (absolute).
fn parse(text: &str, dir: &Path) -> Result<Manifest, Vec<Error>> {
    let raw: RawManifest = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        // The crate's message is the first line; what follows repeats the source.
        let message = e.message().trim().trim_end_matches('.');
        // serde speaks of fields; a manifest has tables and keys.
        let message = if message == "missing field `core`" {
            "no [core] table: a manifest names its core's entry module (entry = \"main.py\")"
                .to_string()
        } else {
            message
                .replace("unknown field", "unknown key")
                .replace("missing field", "missing key")
        };
        vec![(span, message)]
    })?;
    let mut errors = Vec::new();
    let resolve = |p: &str| dir.join(p);

    let core = raw.core.get_ref();
    let entry = resolve(core.entry.get_ref());
    if !entry.is_file() {
        errors.push((
            core.entry.span(),
            format!(
                "the entry module '{}' does not exist (paths are relative to the manifest's \
                 directory)",
                core.entry.get_ref()
            ),
        ));
    }
    let output = match &core.output {
        Some(o) => {
            if !is_file_name(o.get_ref()) {
                errors.push((
                    o.span(),
                    "the core's output is a file name inside out_dir, not a path".to_string(),
                ));
            }
            o.get_ref().clone()
        }
        None => file_stem(&entry),
    };
    let out_dir = match &raw.out_dir {
        Some(d) if d.get_ref().is_empty() => {
            errors.push((d.span(), "out_dir is empty".to_string()));
            dir.to_path_buf()
        }
        Some(d) => resolve(d.get_ref()),
        None => dir.join("build"),
    };

    // Modules in the order the file declares them.
    let mut declared: Vec<_> = raw.modules.iter().collect();
    declared.sort_by_key(|(name, _)| name.span().start);
    let mut modules: Vec<Module> = Vec::new();
    let mut c_config = CConfig {
        all: overrides(&raw.c, dir),
        modules: BTreeMap::new(),
    };
    for (name_spanned, module) in declared {
        let name = name_spanned.get_ref();
        let module_span = module.span();
        let module = module.get_ref();
        let path = match &module.path {
            Some(p) => {
                let path = resolve(p.get_ref());
                if !path.is_file() {
                    errors.push((
                        p.span(),
                        format!(
                            "module '{name}': '{}' does not exist (paths are relative to the \
                             manifest's directory)",
                            p.get_ref()
                        ),
                    ));
                } else if file_stem(&path) != *name {
                    errors.push((
                        p.span(),
                        format!(
                            "module '{name}' is in '{}': a module's name is its file stem, \
                             as load_extension finds it; call it [modules.{}]",
                            p.get_ref(),
                            file_stem(&path)
                        ),
                    ));
                }
                path
            }
            None => {
                let path = dir.join(format!("{name}.py"));
                if !path.is_file() {
                    errors.push((
                        name_spanned.span(),
                        format!(
                            "module '{name}': {name}.py does not exist beside the manifest; give \
                             its file with path = \"...\""
                        ),
                    ));
                }
                path
            }
        };
        if path == entry {
            errors.push((
                module_span.clone(),
                format!("module '{name}' is the core's entry module"),
            ));
        }
        let link = match &module.link {
            None => Link::Shared,
            Some(l) => match l.get_ref().as_str() {
                "shared" => Link::Shared,
                "static" => Link::Static,
                other => {
                    errors.push((
                        l.span(),
                        format!("unknown link kind '{other}': expected \"shared\" or \"static\""),
                    ));
                    Link::Shared
                }
            },
        };
        let uses = module.uses.as_ref().map(|uses| {
            for used in uses {
                let earlier = modules
                    .iter()
                    .find(|m| m.name == *used.get_ref() && m.link == Link::Shared);
                if link == Link::Static {
                    errors.push((
                        used.span(),
                        format!(
                            "module '{name}' is linked statically: it builds on the static \
                             modules before it, not on 'uses'"
                        ),
                    ));
                    break;
                } else if earlier.is_none() {
                    errors.push((
                        used.span(),
                        format!(
                            "module '{name}' uses '{}', which is not a shared module declared \
                             before it",
                            used.get_ref()
                        ),
                    ));
                }
            }
            uses.iter().map(|u| u.get_ref().clone()).collect()
        });
        c_config
            .modules
            .insert(name.clone(), overrides(&module.c, dir));
        modules.push(Module {
            name: name.clone(),
            path,
            link,
            uses,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Manifest {
        dir: dir.to_path_buf(),
        entry,
        output,
        out_dir,
        modules,
        c_config,
        run_args: raw.run.args,
    })
}

/// A `[c]` table as overrides, directories made absolute.
fn overrides(c: &RawC, dir: &Path) -> COverrides {
    let dirs = |v: &[String]| v.iter().map(|d| dir.join(d)).collect();
    COverrides {
        include_dirs: dirs(&c.include_dirs),
        library_dirs: dirs(&c.library_dirs),
        libraries: c.libraries.clone(),
        cflags: c.cflags.clone(),
        ldflags: c.ldflags.clone(),
    }
}

/// Whether `s` names a file in a directory, not a path.
fn is_file_name(s: &str) -> bool {
    !s.is_empty() && s != "." && s != ".." && !s.contains('/')
}

/// A path's file stem as text.
pub fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        match parse(text, Path::new("/nonexistent")) {
            Ok(_) => vec![],
            Err(e) => e.into_iter().map(|(_, m)| m).collect(),
        }
    }

    #[test]
    fn unknown_keys_and_link_kinds_are_errors() {
        assert!(errors("[core]\nentry = \"m.py\"\nflavour = 1\n")[0].contains("flavour"));
        let e = errors("[core]\nentry = \"m.py\"\n[modules.a]\nlink = \"dynamic\"\n");
        assert!(
            e.iter().any(|m| m.contains("unknown link kind 'dynamic'")),
            "{e:?}"
        );
    }
}
