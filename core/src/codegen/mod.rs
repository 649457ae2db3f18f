//! The Cranelift backend: lowers a [`tir::Program`] to a relocatable object file.
//!
//! ```text
//!   tir::Program ──▶ declare symbols ──▶ lower each function (function.rs) ──▶ seam_program_main ──▶ ELF bytes
//!                    (functions, globals,   (shadow-stack frame, spills,
//!                     literals, runtime)     structured control flow)
//! ```
//!
//! What a core's object holds (the first translation, linked into an executable):
//! - every [`tir::Function`] under its symbol, exported;
//! - every [`tir::Global`] as an 8-byte zeroed writable word, exported;
//! - every string literal as read-only bytes plus a private 8-byte slot that
//!   holds its `str` object once [`rt::PROGRAM_MAIN`] has created it;
//! - every type code used by the program as a NUL-terminated read-only string;
//! - every [`tir::Class`]'s descriptor under its symbol, exported (see `classes.rs`);
//! - its exports fingerprint as [`rt::CORE_FINGERPRINT`], when it has one;
//! - [`rt::PROGRAM_MAIN`], the entry the runtime calls with `argv`;
//! - imports of the runtime functions it calls, of the shadow-stack words and
//!   of the exception state, and of the descriptors of extensions linked in.
//!
//! An extension's object (the second translation, `program.extension` set; see
//! `extension.rs`) differs: the core's functions, classes and globals are imports
//! (PIC: reached through the GOT); its own are hidden, its classes' descriptors
//! writable for the loader; no entry point, but `init_globals` and the exported
//! extension descriptor the loader reads. It registers no roots itself.
//!
//! The backend knows nothing of the surface language or of the runtime's
//! internals: it trusts the TIR's types and the [`Rt`] table's signatures, and
//! reports malformed TIR as a bug rather than as a user diagnostic. It does no
//! I/O; linking is the driver's job.

mod classes;
mod counters;
mod extension;
mod function;
mod roots;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;

use cranelift_codegen::ir::{self, AbiParam, InstBuilder, types};
use cranelift_codegen::isa::{self, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataDescription, DataId, FuncId, Linkage, Module, ModuleError};
use cranelift_object::{ObjectBuilder, ObjectModule};

use crate::rt::{self, Abi, Rt};
use crate::tir::{self, Type};

/// How to generate code.
#[derive(Clone, Debug, Default)]
pub struct CodegenConfig {
    /// The target to emit for; `None` for the machine we run on.
    pub target: Option<target_lexicon::Triple>,
    pub opt_level: OptLevel,
    /// For an extension linked into a shared object: also define the global,
    /// default-visibility symbol `init_module` at its `init_module` function,
    /// the shared object's one dynamic symbol. Never for an extension linked
    /// into a core (`--static-ext`), where two would clash.
    pub entry_symbol: bool,
    /// For an extension Seam's mapper will load: test the ranges of classes
    /// whose ids the loader gives against symbols whose values the loader
    /// writes into the code (`seam_abi::symbols::class_bound_symbol`), rather
    /// than against words loaded from their descriptors. Never for an
    /// extension linked into a core, whose code is never made writable.
    pub class_bounds_at_load: bool,
}

/// Cranelift's optimisation level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OptLevel {
    None,
    #[default]
    Speed,
}

/// Why code generation failed.
#[derive(Debug)]
pub enum CodegenError {
    /// The target is unknown to this build of Cranelift or not one Seam supports.
    UnsupportedTarget(String),
    /// The Cranelift verifier rejected a function we built: always a bug in this backend.
    Verifier { function: String, message: String },
    /// The TIR broke an invariant the front end guarantees: a bug in the front end.
    MalformedTir { function: String, message: String },
    /// Cranelift could not compile a function for another reason (an implementation limit).
    Compile { function: String, message: String },
    /// Declaring or defining a symbol failed (a duplicate symbol, for instance).
    Module(String),
    /// Writing the object file failed.
    Emit(String),
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodegenError::UnsupportedTarget(msg) => write!(f, "unsupported target: {msg}"),
            CodegenError::Verifier { function, message } => write!(
                f,
                "bug in the seam backend: the cranelift verifier rejected `{function}`:\n{message}"
            ),
            CodegenError::MalformedTir { function, message } => {
                write!(
                    f,
                    "bug in the seam front end: malformed tir in `{function}`: {message}"
                )
            }
            CodegenError::Compile { function, message } => {
                write!(f, "cranelift could not compile `{function}`: {message}")
            }
            CodegenError::Module(msg) => write!(f, "object module error: {msg}"),
            CodegenError::Emit(msg) => write!(f, "could not write the object file: {msg}"),
        }
    }
}

impl std::error::Error for CodegenError {}

/// Translates `program` to the bytes of a relocatable object file for the configured target.
pub fn emit_object(
    program: &tir::Program,
    config: &CodegenConfig,
) -> Result<Vec<u8>, CodegenError> {
    let isa = make_isa(config)?;
    let builder = ObjectBuilder::new(isa, "seam", cranelift_module::default_libcall_names())
        .map_err(|e| CodegenError::Module(e.to_string()))?;
    let mut state = ModuleState::new(ObjectModule::new(builder), program)?;
    state.bounds_by_symbol = config.class_bounds_at_load && program.extension.is_some();
    classes::define_classes(&mut state, program)?;

    let mut ctx = state.module.make_context();
    let mut fctx = FunctionBuilderContext::new();
    for index in 0..program.functions.len() {
        if state.imported.functions[index] {
            continue;
        }
        function::define_function(&mut state, program, index, &mut ctx, &mut fctx)?;
    }
    let mut entry = None;
    if let Some(ext) = &program.extension {
        extension::define_extension(&mut state, program, &mut ctx, &mut fctx)?;
        if config.entry_symbol {
            entry = Some(state.function(program, ext.init_module.0 as usize)?);
        }
    } else {
        extension::define_core_fingerprint(&mut state, program)?;
        define_program_main(&mut state, program, &mut ctx, &mut fctx)?;
    }

    let mut product = state.module.finish();
    if let Some(func) = entry {
        extension::define_entry_symbol(&mut product, func);
    }
    product
        .emit()
        .map_err(|e| CodegenError::Emit(e.to_string()))
}

/// The symbols an executable built from `program` must export for shared objects loaded later
/// (extensions resolve their references to the core against these at `dlopen`).
/// For executables only: an extension exports [`extension_exports`].
pub fn dynamic_symbols(program: &tir::Program) -> Vec<String> {
    let mut out: Vec<String> = Rt::ALL.iter().map(|r| r.symbol().to_string()).collect();
    out.push(rt::SHADOW_STACK_TOP.to_string());
    out.push(rt::SHADOW_STACK_LIMIT.to_string());
    out.push(rt::STACK_LIMIT.to_string());
    out.push(rt::EXC_CURRENT.to_string());
    out.push(rt::GC_FREE.to_string());
    out.push(rt::GC_BUDGET.to_string());
    out.push(rt::PROGRAM_MAIN.to_string());
    if program.fingerprint.is_some() {
        out.push(rt::CORE_FINGERPRINT.to_string());
    }
    out.extend(program.functions.iter().map(|f| f.symbol.clone()));
    out.extend(program.globals.iter().map(|g| g.symbol.clone()));
    out.extend(program.classes.iter().map(|c| c.symbol.clone()));
    let mut seen = std::collections::HashSet::new();
    out.retain(|s| seen.insert(s.clone()));
    out
}

/// The symbols the shared object built from extension `program` defines for the loader:
/// `init_module` alone (everything else is hidden or imported; the loader finds the
/// descriptor by its section). Empty for a core.
pub fn extension_exports(program: &tir::Program) -> Vec<String> {
    program
        .extension
        .iter()
        .map(|_| seam_abi::symbols::EXTENSION_ENTRY.to_string())
        .collect()
}

/// The name `seam_program_main` reports in errors.
const PROGRAM_MAIN_NAME: &str = "<program main>";

fn make_isa(config: &CodegenConfig) -> Result<OwnedTargetIsa, CodegenError> {
    let mut flags = settings::builder();
    let opt = match config.opt_level {
        OptLevel::None => "none",
        OptLevel::Speed => "speed",
    };
    let verifier = if cfg!(debug_assertions) {
        "true"
    } else {
        "false"
    };
    for (name, value) in [
        // Extensions are shared objects; the executable is a PIE. One code model for both.
        ("is_pic", "true"),
        ("opt_level", opt),
        // Debuggers and profilers walk frames without unwind tables (we emit none).
        ("preserve_frame_pointers", "true"),
        // Every function starts on a cache line: the same code then has the same
        // placement in a core and in an extension (loops cost what their layout
        // makes them cost: up to 11% apart for the same bytes, BENCHMARKS.md).
        ("log2_min_function_alignment", "6"),
        ("enable_verifier", verifier),
    ] {
        flags
            .set(name, value)
            .map_err(|e| CodegenError::UnsupportedTarget(format!("setting {name}={value}: {e}")))?;
    }
    let flags = settings::Flags::new(flags);
    let isa_builder = match &config.target {
        None => cranelift_native::builder()
            .map_err(|e| CodegenError::UnsupportedTarget(format!("host: {e}")))?,
        Some(triple) => isa::lookup(triple.clone())
            .map_err(|e| CodegenError::UnsupportedTarget(format!("{triple}: {e}")))?,
    };
    let isa = isa_builder
        .finish(flags)
        .map_err(|e| CodegenError::UnsupportedTarget(e.to_string()))?;
    // Every value crosses the runtime boundary as a 64-bit word (see `rt::Abi::Word`).
    if isa.pointer_bits() != 64 {
        return Err(CodegenError::UnsupportedTarget(format!(
            "{}: pointers must be 64 bits wide",
            isa.triple()
        )));
    }
    Ok(isa)
}

/// Module-wide state shared by the lowering of every function: the object
/// module and the ids of every symbol declared so far.
pub(crate) struct ModuleState {
    pub(crate) module: ObjectModule,
    /// The machine type of pointers (I64: `make_isa` refuses other widths).
    pub(crate) ptr: ir::Type,
    /// By [`tir::FuncId`]; an extension's imports are declared on first use
    /// (see [`ModuleState::function`]), so its object names only what it uses.
    functions: Vec<Option<FuncId>>,
    /// By [`tir::GlobalId`]; imports declared on first use.
    globals: Vec<Option<DataId>>,
    /// By [`tir::StrId`]: the slot holding the literal's `str` object.
    pub(crate) literal_slots: Vec<DataId>,
    /// By [`tir::StrId`]: the literal's UTF-8 bytes (NUL-terminated, the NUL not counted).
    literal_bytes: Vec<DataId>,
    pub(crate) shadow_top: DataId,
    pub(crate) shadow_limit: DataId,
    /// [`rt::STACK_LIMIT`], the native stack's limit for functions that may recurse.
    pub(crate) stack_limit: DataId,
    /// [`rt::EXC_CURRENT`], the exception state.
    pub(crate) exc_current: DataId,
    /// [`rt::GC_FREE`], the collector's free-list heads (inline allocation).
    pub(crate) gc_free: DataId,
    /// [`rt::GC_BUDGET`], the collector's allocation budget (inline allocation).
    pub(crate) gc_budget: DataId,
    /// By [`tir::ClassId`]: the class descriptor; imports declared on first use.
    classes: Vec<Option<DataId>>,
    /// What an extension takes from the core (nothing, for a core).
    pub(crate) imported: Imported,
    /// By [`tir::ClassId`]: whether the loader gives the class its ids (an
    /// extension's own, or an earlier extension's), so its range test reads the
    /// bounds from its descriptor or from symbols (see `bounds_by_symbol`).
    pub(crate) loader_numbered: Vec<bool>,
    /// Whether the bounds of loader-numbered classes are the values of symbols
    /// the loader resolves (and writes into the code) rather than words loaded
    /// from their descriptors: in an object for a shared object, which Seam's
    /// mapper loads. An object linked into a core keeps the loads.
    pub(crate) bounds_by_symbol: bool,
    /// By [`tir::ClassId`]: the symbols of a loader-numbered class's id and
    /// range width (see `seam_abi::symbols::class_bound_symbol`), declared on first use.
    class_bounds: HashMap<usize, (DataId, DataId)>,
    /// Runtime functions are declared on first use, so the object only
    /// references what the program calls.
    runtime: HashMap<Rt, FuncId>,
    /// The C functions called (`@seam.c_function`), by symbol.
    c_functions: HashMap<String, FuncId>,
    type_codes: HashMap<String, DataId>,
}

/// By index: whether a function, class or global of the program is the core's,
/// declared as an import by an extension and defined elsewhere. All false for a core.
pub(crate) struct Imported {
    pub(crate) functions: Vec<bool>,
    pub(crate) classes: Vec<bool>,
    pub(crate) globals: Vec<bool>,
}

impl Imported {
    fn of(program: &tir::Program) -> Result<Imported, CodegenError> {
        let mut imported = Imported {
            functions: vec![false; program.functions.len()],
            classes: vec![false; program.classes.len()],
            globals: vec![false; program.globals.len()],
        };
        let Some(ext) = &program.extension else {
            return Ok(imported);
        };
        let mark = |flags: &mut [bool], what: &str, index: u32| {
            flags
                .get_mut(index as usize)
                .map(|f| *f = true)
                .ok_or_else(|| CodegenError::MalformedTir {
                    function: extension::EXTENSION_NAME.to_string(),
                    message: format!("imported {what} {index} does not exist"),
                })
        };
        for f in &ext.imported_functions {
            mark(&mut imported.functions, "function", f.0)?;
        }
        for c in &ext.imported_classes {
            mark(&mut imported.classes, "class", c.0)?;
        }
        for g in &ext.imported_globals {
            mark(&mut imported.globals, "global", g.0)?;
        }
        Ok(imported)
    }
}

impl ModuleState {
    fn new(mut module: ObjectModule, program: &tir::Program) -> Result<ModuleState, CodegenError> {
        let ptr = module.target_config().pointer_type();
        let module_err = |e: ModuleError| CodegenError::Module(e.to_string());
        let imported = Imported::of(program)?;
        let loader_numbered = extension::loader_numbered_classes(program, &imported)?;
        // A core exports everything (extensions link against it); an extension hides
        // everything but its descriptor: the loader reaches the rest through it.
        let own = if program.extension.is_some() {
            Linkage::Hidden
        } else {
            Linkage::Export
        };

        // The program's own functions and globals are declared now; the core's,
        // seen from an extension, on first use: a small extension against a big
        // core then costs what it uses, not what the core exports.
        let mut functions = Vec::with_capacity(program.functions.len());
        for (f, &import) in program.functions.iter().zip(&imported.functions) {
            functions.push(if import {
                None
            } else {
                let sig = function_signature(&module, f)?;
                Some(
                    module
                        .declare_function(&f.symbol, own, &sig)
                        .map_err(module_err)?,
                )
            });
        }

        let mut globals = Vec::with_capacity(program.globals.len());
        for (g, &import) in program.globals.iter().zip(&imported.globals) {
            globals.push(if import {
                None
            } else {
                let id = module
                    .declare_data(&g.symbol, own, true, false)
                    .map_err(module_err)?;
                define_zeroed_word(&mut module, id)?;
                Some(id)
            });
        }

        let mut literal_slots = Vec::with_capacity(program.strings.len());
        let mut literal_bytes = Vec::with_capacity(program.strings.len());
        for (i, s) in program.strings.iter().enumerate() {
            let bytes_id = module
                .declare_data(&format!("seam.str.bytes.{i}"), Linkage::Local, false, false)
                .map_err(module_err)?;
            let mut desc = DataDescription::new();
            // The NUL is not part of the string; it gives the empty literal a non-empty object
            // and C-minded debuggers something to print.
            let mut contents = s.as_bytes().to_vec();
            contents.push(0);
            desc.define(contents.into_boxed_slice());
            module.define_data(bytes_id, &desc).map_err(module_err)?;
            literal_bytes.push(bytes_id);

            let slot_id = module
                .declare_data(&format!("seam.str.{i}"), Linkage::Local, true, false)
                .map_err(module_err)?;
            define_zeroed_word(&mut module, slot_id)?;
            literal_slots.push(slot_id);
        }

        let shadow_top = module
            .declare_data(rt::SHADOW_STACK_TOP, Linkage::Import, true, false)
            .map_err(module_err)?;
        let shadow_limit = module
            .declare_data(rt::SHADOW_STACK_LIMIT, Linkage::Import, true, false)
            .map_err(module_err)?;
        let stack_limit = module
            .declare_data(rt::STACK_LIMIT, Linkage::Import, true, false)
            .map_err(module_err)?;
        let exc_current = module
            .declare_data(rt::EXC_CURRENT, Linkage::Import, true, false)
            .map_err(module_err)?;
        let gc_free = module
            .declare_data(rt::GC_FREE, Linkage::Import, true, false)
            .map_err(module_err)?;
        let gc_budget = module
            .declare_data(rt::GC_BUDGET, Linkage::Import, true, false)
            .map_err(module_err)?;
        let classes = classes::declare_classes(&mut module, program, &imported, &loader_numbered)?;

        Ok(ModuleState {
            module,
            ptr,
            functions,
            globals,
            literal_slots,
            literal_bytes,
            shadow_top,
            shadow_limit,
            stack_limit,
            exc_current,
            gc_free,
            gc_budget,
            classes,
            imported,
            loader_numbered,
            bounds_by_symbol: false,
            class_bounds: HashMap::new(),
            runtime: HashMap::new(),
            c_functions: HashMap::new(),
            type_codes: HashMap::new(),
        })
    }

    /// Function `index` of the program (an import declared on first use).
    pub(crate) fn function(
        &mut self,
        program: &tir::Program,
        index: usize,
    ) -> Result<FuncId, CodegenError> {
        let f = program.functions.get(index);
        declared(
            &mut self.functions,
            index,
            "function",
            |module| {
                let f = f.expect("checked by `declared`: the slot exists");
                let sig = function_signature(module, f)?;
                module
                    .declare_function(&f.symbol, Linkage::Import, &sig)
                    .map_err(module_error)
            },
            &mut self.module,
        )
    }

    /// Global `index` of the program (an import declared on first use).
    pub(crate) fn global(
        &mut self,
        program: &tir::Program,
        index: usize,
    ) -> Result<DataId, CodegenError> {
        let g = program.globals.get(index);
        declared(
            &mut self.globals,
            index,
            "global",
            |module| {
                let g = g.expect("checked by `declared`: the slot exists");
                module
                    .declare_data(&g.symbol, Linkage::Import, true, false)
                    .map_err(module_error)
            },
            &mut self.module,
        )
    }

    /// The descriptor of class `index` (an import declared on first use).
    pub(crate) fn class(
        &mut self,
        program: &tir::Program,
        index: usize,
    ) -> Result<DataId, CodegenError> {
        let c = program.classes.get(index);
        declared(
            &mut self.classes,
            index,
            "class",
            |module| {
                let c = c.expect("checked by `declared`: the slot exists");
                module
                    .declare_data(&c.symbol, Linkage::Import, false, false)
                    .map_err(module_error)
            },
            &mut self.module,
        )
    }

    /// The symbols whose values are class `index`'s id and range width (imports
    /// the loader resolves once it has numbered the class), declared on first use.
    pub(crate) fn class_bounds(
        &mut self,
        program: &tir::Program,
        index: usize,
    ) -> Result<(DataId, DataId), CodegenError> {
        if let Some(&ids) = self.class_bounds.get(&index) {
            return Ok(ids);
        }
        let class = program
            .classes
            .get(index)
            .ok_or_else(|| CodegenError::MalformedTir {
                function: "<classes>".into(),
                message: format!("class {index} does not exist"),
            })?;
        // The extension's own classes by their position in its descriptor's class
        // table (parents first, in program order), the others by their descriptor.
        let bound_class = if self.imported.classes[index] {
            seam_abi::symbols::BoundClass::Descriptor(&class.symbol)
        } else {
            let position = (0..index)
                .filter(|&i| self.loader_numbered[i] && !self.imported.classes[i])
                .count();
            seam_abi::symbols::BoundClass::Own(position)
        };
        let mut declare = |bound| {
            let symbol = seam_abi::symbols::class_bound_symbol(bound_class, bound);
            self.module
                .declare_data(&symbol, Linkage::Import, false, false)
                .map_err(module_error)
        };
        let ids = (
            declare(seam_abi::symbols::ClassBound::NegatedId)?,
            declare(seam_abi::symbols::ClassBound::Width)?,
        );
        self.class_bounds.insert(index, ids);
        Ok(ids)
    }

    /// The import of runtime function `rt`, declared on first use.
    pub(crate) fn runtime_function(&mut self, rt: Rt) -> Result<FuncId, CodegenError> {
        if let Some(&id) = self.runtime.get(&rt) {
            return Ok(id);
        }
        let mut sig = self.module.make_signature();
        sig.params
            .extend(rt.params().iter().map(|&a| abi_param(abi_type(a))));
        sig.returns.extend(rt.ret().map(|a| abi_param(abi_type(a))));
        let id = self
            .module
            .declare_function(rt.symbol(), Linkage::Import, &sig)
            .map_err(|e| CodegenError::Module(e.to_string()))?;
        self.runtime.insert(rt, id);
        Ok(id)
    }

    /// The import of the C function `symbol` (`@seam.c_function`), declared on
    /// first use with the C calling convention of the target.
    pub(crate) fn c_function(
        &mut self,
        symbol: &str,
        params: &[Abi],
        ret: Option<Abi>,
    ) -> Result<FuncId, CodegenError> {
        if let Some(&id) = self.c_functions.get(symbol) {
            return Ok(id);
        }
        let mut sig = self.module.make_signature();
        sig.params
            .extend(params.iter().map(|&a| abi_param(abi_type(a))));
        sig.returns.extend(ret.map(|a| abi_param(abi_type(a))));
        let id = self
            .module
            .declare_function(symbol, Linkage::Import, &sig)
            .map_err(|e| CodegenError::Module(e.to_string()))?;
        self.c_functions.insert(symbol.to_string(), id);
        Ok(id)
    }

    /// The NUL-terminated type code of `ty`, defined on first use and shared by every user.
    pub(crate) fn type_code(&mut self, ty: &Type) -> Result<DataId, CodegenError> {
        let code = ty.type_code();
        if let Some(&id) = self.type_codes.get(&code) {
            return Ok(id);
        }
        let module_err = |e: ModuleError| CodegenError::Module(e.to_string());
        let id = self
            .module
            .declare_data(
                &format!("seam.typecode.{}", self.type_codes.len()),
                Linkage::Local,
                false,
                false,
            )
            .map_err(module_err)?;
        let mut desc = DataDescription::new();
        let mut contents = code.clone().into_bytes();
        contents.push(0);
        desc.define(contents.into_boxed_slice());
        self.module.define_data(id, &desc).map_err(module_err)?;
        self.type_codes.insert(code, id);
        Ok(id)
    }
}

/// The machine type of a runtime-boundary class. Pointers are I64: `make_isa`
/// only accepts 64-bit targets.
pub(crate) fn abi_type(abi: Abi) -> ir::Type {
    match abi {
        Abi::I64 | Abi::Ptr | Abi::Word => types::I64,
        Abi::F64 => types::F64,
        Abi::I8 => types::I8,
    }
}

/// A parameter or result of machine type `ty` in a C-ABI signature. Bools
/// are zero-extended by whoever produces them: the x86-64 System V ABI as
/// compilers implement it (rustc included) lets a callee assume that a
/// narrow integer argument arrives extended to 32 bits.
fn abi_param(ty: ir::Type) -> AbiParam {
    if ty == types::I8 {
        AbiParam::new(ty).uext()
    } else {
        AbiParam::new(ty)
    }
}

/// The machine type holding values of `ty`.
pub(crate) fn value_type(ty: &Type) -> ir::Type {
    abi_type(ty.abi())
}

/// The Cranelift signature of a translated function: parameters by their
/// types, and no result for procedures (`Type::None`).
fn function_signature(
    module: &ObjectModule,
    f: &tir::Function,
) -> Result<ir::Signature, CodegenError> {
    let mut sig = module.make_signature();
    for &p in &f.params {
        let local = f
            .locals
            .get(p.0 as usize)
            .ok_or_else(|| CodegenError::MalformedTir {
                function: f.name.clone(),
                message: format!("parameter {} is not a local", p.0),
            })?;
        sig.params.push(abi_param(value_type(&local.ty)));
    }
    if f.ret != Type::None {
        sig.returns.push(abi_param(value_type(&f.ret)));
    }
    Ok(sig)
}

fn define_zeroed_word(module: &mut ObjectModule, id: DataId) -> Result<(), CodegenError> {
    let mut desc = DataDescription::new();
    desc.define_zeroinit(8);
    desc.set_align(8);
    module
        .define_data(id, &desc)
        .map_err(|e| CodegenError::Module(e.to_string()))
}

/// Creates every literal's `str` object and stores it in the literal's slot
/// (which must already be a root: the next creation may collect).
fn create_literals(
    state: &mut ModuleState,
    program: &tir::Program,
    b: &mut FunctionBuilder,
    refs: &mut function::SymbolRefs,
) -> Result<(), CodegenError> {
    let ptr = state.ptr;
    if program.strings.is_empty() {
        return Ok(());
    }
    let from_utf8 = state.runtime_function(Rt::StrFromUtf8)?;
    let from_utf8 = refs.func(b, state, from_utf8);
    for (i, s) in program.strings.iter().enumerate() {
        let bytes_gv = refs.data(b, state, state.literal_bytes[i]);
        let bytes = b.ins().symbol_value(ptr, bytes_gv);
        let len = b.ins().iconst(types::I64, s.len() as i64);
        let call = b.ins().call(from_utf8, &[bytes, len]);
        let obj = b.inst_results(call)[0];
        let slot_gv = refs.data(b, state, state.literal_slots[i]);
        let slot = b.ins().symbol_value(ptr, slot_gv);
        b.ins().store(function::trusted(), obj, slot, 0);
    }
    Ok(())
}

/// The id in `slots[index]`, declaring it with `declare` on first use.
fn declared<T: Copy>(
    slots: &mut [Option<T>],
    index: usize,
    what: &str,
    declare: impl FnOnce(&mut ObjectModule) -> Result<T, CodegenError>,
    module: &mut ObjectModule,
) -> Result<T, CodegenError> {
    let slot = slots
        .get_mut(index)
        .ok_or_else(|| CodegenError::MalformedTir {
            function: "<module>".to_string(),
            message: format!("{what} {index} does not exist"),
        })?;
    if let Some(id) = *slot {
        return Ok(id);
    }
    let id = declare(module)?;
    *slot = Some(id);
    Ok(id)
}

fn module_error(e: ModuleError) -> CodegenError {
    CodegenError::Module(e.to_string())
}

/// The data of every static root: the globals holding references (the program's own,
/// not an extension's imports) and the literal slots.
fn static_roots(state: &ModuleState, program: &tir::Program) -> Vec<DataId> {
    program
        .globals
        .iter()
        .zip(&state.globals)
        .zip(&state.imported.globals)
        .filter(|((g, _), import)| g.ty.is_ref() && !**import)
        .filter_map(|((_, id), _)| *id)
        .chain(state.literal_slots.iter().copied())
        .collect()
}

/// Defines [`rt::PROGRAM_MAIN`]: register the builtin exception classes and the
/// static roots, create the literals, run the module initialisers in order, then
/// call `main(argv)`. An exception escaping an initialiser or `main` stops it:
/// it returns 1 with the exception in the state, for the runtime to report.
fn define_program_main(
    state: &mut ModuleState,
    program: &tir::Program,
    ctx: &mut cranelift_codegen::Context,
    fctx: &mut FunctionBuilderContext,
) -> Result<(), CodegenError> {
    let malformed = |message: String| CodegenError::MalformedTir {
        function: PROGRAM_MAIN_NAME.to_string(),
        message,
    };
    let main_index = program.main.0 as usize;
    let main_fn = program.functions.get(main_index).ok_or_else(|| {
        malformed(format!(
            "main is function {}, which does not exist",
            main_index
        ))
    })?;

    let mut sig = state.module.make_signature();
    sig.params.push(AbiParam::new(state.ptr));
    sig.returns.push(AbiParam::new(types::I64));
    let id = state
        .module
        .declare_function(rt::PROGRAM_MAIN, Linkage::Export, &sig)
        .map_err(|e| CodegenError::Module(e.to_string()))?;
    ctx.func.signature = sig;

    let ptr = state.ptr;
    let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
    let mut refs = function::SymbolRefs::default();
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    b.seal_block(entry);
    let argv = b.block_params(entry)[0];

    // Before anything else: the extensions linked in, for `load_extension` to find.
    if !program.static_extensions.is_empty() {
        let table = extension::define_static_extensions_table(state, program)?;
        let table = refs.data(&mut b, state, table);
        let table = b.ins().symbol_value(ptr, table);
        let count = b
            .ins()
            .iconst(types::I64, program.static_extensions.len() as i64);
        let register = state.runtime_function(Rt::RegisterStaticExtensions)?;
        let register = refs.func(&mut b, state, register);
        b.ins().call(register, &[table, count]);
    }

    // argv lives across the initialisers, which may collect: keep it in a
    // shadow-stack slot so that a moving collector can update it.
    let frame = function::push_frame(&mut b, state, &mut refs, None)?;
    function::store_slot(&mut b, &frame, 0, argv);

    let table = classes::define_builtin_table(state, program)?;
    let table = refs.data(&mut b, state, table);
    let table = b.ins().symbol_value(ptr, table);
    let count = b.ins().iconst(types::I64, rt::ExcKind::ALL.len() as i64);
    let register = state.runtime_function(Rt::RegisterBuiltinClasses)?;
    let register = refs.func(&mut b, state, register);
    b.ins().call(register, &[table, count]);

    let add_root = state.runtime_function(Rt::GcAddRoot)?;
    let add_root = refs.func(&mut b, state, add_root);
    for data in static_roots(state, program) {
        let gv = refs.data(&mut b, state, data);
        let addr = b.ins().symbol_value(ptr, gv);
        b.ins().call(add_root, &[addr]);
    }

    create_literals(state, program, &mut b, &mut refs)?;

    // Where an uncaught exception leaves: pop the frame and return 1.
    let raised = b.create_block();
    b.set_cold_block(raised);
    let exc_gv = refs.data(&mut b, state, state.exc_current);
    let check_exception = |b: &mut FunctionBuilder| {
        let addr = b.ins().symbol_value(ptr, exc_gv);
        let exc = b.ins().load(ptr, function::trusted(), addr, 0);
        let next = b.create_block();
        b.ins().brif(exc, raised, &[], next, &[]);
        b.switch_to_block(next);
    };
    let mut checked = false;
    for &init in &program.init_order {
        let index = init.0 as usize;
        let Some(f) = program.functions.get(index) else {
            return Err(malformed(format!("initialiser {} does not exist", init.0)));
        };
        let (callee, can_raise) = (state.function(program, index)?, f.can_raise);
        let callee = refs.func(&mut b, state, callee);
        b.ins().call(callee, &[]);
        if can_raise {
            check_exception(&mut b);
            checked = true;
        }
    }

    let argv = function::load_slot(&mut b, &frame, 0, ptr);
    let main_id = state.function(program, main_index)?;
    let main_ref = refs.func(&mut b, state, main_id);
    let call = b.ins().call(main_ref, &[argv]);
    let status = if main_fn.ret == Type::None {
        b.ins().iconst(types::I64, 0)
    } else {
        let v = b.inst_results(call)[0];
        function::coerce(&mut b, v, types::I64)
    };
    if main_fn.can_raise {
        check_exception(&mut b);
        checked = true;
    }
    function::pop_frame(&mut b, &frame);
    b.ins().return_(&[status]);
    if checked {
        b.switch_to_block(raised);
        function::pop_frame(&mut b, &frame);
        let one = b.ins().iconst(types::I64, 1);
        b.ins().return_(&[one]);
    }
    b.seal_all_blocks();
    b.finalize(state.module.target_config());
    function::finish_frame(&mut ctx.func, &frame, 1, &[0]);

    function::compile(state, id, ctx, PROGRAM_MAIN_NAME)
}
