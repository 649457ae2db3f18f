//! What makes an object a core or an extension module, beyond its functions and classes.
//!
//! A core (an executable's object) embeds its exports fingerprint as
//! [`rt::CORE_FINGERPRINT`] and, when extensions are linked in statically, a
//! table `seam_program_main` hands to [`rt::Rt::RegisterStaticExtensions`].
//!
//! An extension (a shared object's, or one linked into a core with `--static-ext`)
//! has no entry point of its own. Everything it defines is hidden; its descriptor
//! ([`tir::ExtensionInfo::descriptor_symbol`], laid out per `layout::EXT_*`) sits
//! alone in the section `seam_abi::symbols::EXTENSION_SECTION`, where the loader
//! finds it in a shared object, and leads to everything else. An object for a
//! shared object also defines the default-visibility symbol `init_module` at the
//! extension's `init_module` function ([`define_entry_symbol`]): the `.so`'s one
//! dynamic symbol.
//!
//! ```text
//!   seam_ext__<name> (section seam_ext)
//!    0  version        8  fingerprint ──▶ "hex\0"      16  name ──▶ "<name>\0"
//!   24  class count   32  classes ──▶ [own class descriptors, parents first] (or null)
//!   40  root count    48  roots ──▶ [addresses of reference globals and literal slots] (or null)
//!   56  init_globals ──▶ fn()       64  init_module ──▶ fn(space)
//!   72  space_class ──▶ the core class descriptor init_module's parameter is an instance of
//!   80  provides ──▶ "hex\0" (its own exports' fingerprint)
//!   88  depend count  96  depends ──▶ [name, "hex\0" of its exports, ...] (or null)
//! ```
//!
//! `init_globals` (hidden, like every function the extension defines) creates the
//! literals and runs the global initialisers in order, returning early with the
//! exception state set when one raises. The loader registers the roots before
//! calling it, so the extension never calls `seam_gc_add_root` itself.

use cranelift_codegen::ir::InstBuilder;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataDescription, DataId, Linkage, Module, ModuleError};

use super::{CodegenError, Imported, ModuleState, function};
use crate::layout;
use crate::rt;
use crate::tir;

/// The name errors about the extension as a whole (its descriptor, its class lists) report.
pub(super) const EXTENSION_NAME: &str = "<extension>";

/// The name `init_globals` reports in errors.
const INIT_GLOBALS_NAME: &str = "<extension init_globals>";

fn module_err(e: ModuleError) -> CodegenError {
    CodegenError::Module(e.to_string())
}

fn malformed(message: String) -> CodegenError {
    CodegenError::MalformedTir {
        function: EXTENSION_NAME.to_string(),
        message,
    }
}

/// By [`tir::ClassId`]: whether the class is an extension's own (its id range assigned
/// by the loader). All false for a core. In an extension every class is either
/// imported from the core or the extension's own, never both.
pub(super) fn loader_numbered_classes(
    program: &tir::Program,
    imported: &Imported,
) -> Result<Vec<bool>, CodegenError> {
    let mut local = vec![false; program.classes.len()];
    let Some(ext) = &program.extension else {
        return Ok(local);
    };
    for c in &ext.local_classes {
        let flag = local
            .get_mut(c.0 as usize)
            .ok_or_else(|| malformed(format!("local class {} does not exist", c.0)))?;
        *flag = true;
    }
    for (i, class) in program.classes.iter().enumerate() {
        if local[i] == imported.classes[i] {
            let what = if local[i] {
                "both imported and local"
            } else {
                "neither imported nor local"
            };
            return Err(malformed(format!("class `{}` is {what}", class.name)));
        }
    }
    // An imported class of another extension: its ids are given at load too.
    for (i, class) in program.classes.iter().enumerate() {
        local[i] |= class.ids_at_load;
    }
    Ok(local)
}

/// Read-only local bytes with a trailing NUL (a C string).
fn define_c_string(
    state: &mut ModuleState,
    symbol: &str,
    linkage: Linkage,
    text: &str,
) -> Result<DataId, CodegenError> {
    let id = state
        .module
        .declare_data(symbol, linkage, false, false)
        .map_err(module_err)?;
    let mut bytes = text.as_bytes().to_vec();
    bytes.push(0);
    let mut desc = DataDescription::new();
    desc.define(bytes.into_boxed_slice());
    state.module.define_data(id, &desc).map_err(module_err)?;
    Ok(id)
}

/// A core's fingerprint as the exported C string [`rt::CORE_FINGERPRINT`], when it has one.
pub(super) fn define_core_fingerprint(
    state: &mut ModuleState,
    program: &tir::Program,
) -> Result<(), CodegenError> {
    if let Some(hex) = &program.fingerprint {
        define_c_string(state, rt::CORE_FINGERPRINT, Linkage::Export, hex)?;
    }
    Ok(())
}

/// The table [`rt::Rt::RegisterStaticExtensions`] takes: for each extension linked into the
/// core, its name (a C string) and its descriptor (defined by the extension's object).
pub(super) fn define_static_extensions_table(
    state: &mut ModuleState,
    program: &tir::Program,
) -> Result<DataId, CodegenError> {
    let mut entries = Vec::with_capacity(program.static_extensions.len());
    for (i, name) in program.static_extensions.iter().enumerate() {
        let name_id = define_c_string(state, &format!("seam.ext.name.{i}"), Linkage::Local, name)?;
        let desc_id = state
            .module
            .declare_data(
                &tir::ExtensionInfo::descriptor_symbol(name),
                Linkage::Import,
                false,
                false,
            )
            .map_err(module_err)?;
        entries.push(name_id);
        entries.push(desc_id);
    }
    let id = state
        .module
        .declare_data("seam.static_extensions", Linkage::Local, false, false)
        .map_err(module_err)?;
    define_pointer_array(state, id, &entries)?;
    Ok(id)
}

/// Defines `id` as a read-only array of the addresses of `entries`.
fn define_pointer_array(
    state: &mut ModuleState,
    id: DataId,
    entries: &[DataId],
) -> Result<(), CodegenError> {
    let mut desc = DataDescription::new();
    // Explicit zero bytes, not `define_zeroinit`: `.bss` cannot carry the relocations.
    desc.define(vec![0u8; 8 * entries.len()].into_boxed_slice());
    desc.set_align(8);
    for (i, &entry) in entries.iter().enumerate() {
        let gv = state.module.declare_data_in_data(entry, &mut desc);
        desc.write_data_addr((8 * i) as u32, gv, 0);
    }
    state.module.define_data(id, &desc).map_err(module_err)
}

/// A read-only local array of the addresses of `entries`, or `None` when there are none
/// (the descriptor then holds a null pointer and a zero count).
fn pointer_array(
    state: &mut ModuleState,
    symbol: &str,
    entries: &[DataId],
) -> Result<Option<DataId>, CodegenError> {
    if entries.is_empty() {
        return Ok(None);
    }
    let id = state
        .module
        .declare_data(symbol, Linkage::Local, false, false)
        .map_err(module_err)?;
    define_pointer_array(state, id, entries)?;
    Ok(Some(id))
}

/// Defines an extension's `init_globals` and its descriptor.
pub(super) fn define_extension(
    state: &mut ModuleState,
    program: &tir::Program,
    ctx: &mut cranelift_codegen::Context,
    fctx: &mut FunctionBuilderContext,
) -> Result<(), CodegenError> {
    let Some(ext) = &program.extension else {
        return Ok(());
    };
    let init_module = ext.init_module.0 as usize;
    match program.functions.get(init_module) {
        None => {
            return Err(malformed(format!(
                "init_module is function {init_module}, which does not exist"
            )));
        }
        Some(f) if state.imported.functions[init_module] || f.params.len() != 1 => {
            return Err(malformed(format!(
                "init_module `{}` must be the extension's own function of one parameter",
                f.name
            )));
        }
        Some(_) => {}
    }
    let space_class = ext.space_class.0 as usize;
    if space_class >= program.classes.len() {
        return Err(malformed(format!(
            "the space class {space_class} does not exist"
        )));
    }

    let init_globals = define_init_globals(state, program, ext, ctx, fctx)?;

    // Parents before children: `program.classes` is in that order, and the loader
    // numbers each class inside its parent's block.
    let mut classes = Vec::new();
    for (i, class) in program.classes.iter().enumerate() {
        if !state.loader_numbered[i] || state.imported.classes[i] {
            continue;
        }
        if class.parent.is_some_and(|p| p.0 as usize >= i) {
            return Err(malformed(format!(
                "class `{}` comes before its parent",
                class.name
            )));
        }
        classes.push(state.class(program, i)?);
    }
    let roots = super::static_roots(state, program);

    let fingerprint = define_c_string(
        state,
        "seam.ext.fingerprint",
        Linkage::Local,
        &ext.fingerprint,
    )?;
    let name = define_c_string(state, "seam.ext.name", Linkage::Local, &ext.name)?;
    let class_array = pointer_array(state, "seam.ext.classes", &classes)?;
    let root_array = pointer_array(state, "seam.ext.roots", &roots)?;

    let id = state
        .module
        .declare_data(
            &tir::ExtensionInfo::descriptor_symbol(&ext.name),
            Linkage::Hidden,
            false,
            false,
        )
        .map_err(module_err)?;
    let provides = define_c_string(
        state,
        "seam.ext.provides",
        Linkage::Local,
        ext.provides.as_deref().unwrap_or(""),
    )?;
    let mut depends = Vec::new();
    for (i, (dep, fingerprint)) in ext.depends.iter().enumerate() {
        depends.push(define_c_string(
            state,
            &format!("seam.ext.depends.{i}.name"),
            Linkage::Local,
            dep,
        )?);
        depends.push(define_c_string(
            state,
            &format!("seam.ext.depends.{i}.fingerprint"),
            Linkage::Local,
            fingerprint,
        )?);
    }
    let depend_array = pointer_array(state, "seam.ext.depends", &depends)?;
    let mut bytes = vec![0u8; layout::EXT_SIZE as usize];
    let mut put = |offset: i32, word: i64| {
        let offset = offset as usize;
        bytes[offset..offset + 8].copy_from_slice(&word.to_ne_bytes());
    };
    put(layout::EXT_VERSION, layout::EXT_LAYOUT_VERSION);
    put(layout::EXT_CLASS_COUNT, classes.len() as i64);
    put(layout::EXT_ROOT_COUNT, roots.len() as i64);
    put(layout::EXT_DEPEND_COUNT, ext.depends.len() as i64);
    let mut desc = DataDescription::new();
    desc.define(bytes.into_boxed_slice());
    desc.set_align(8);
    // Its own section, so that the loader finds it in a shared object by the
    // section's name, the descriptor symbol being hidden.
    desc.set_custom_section(seam_abi::symbols::EXTENSION_SECTION);
    let pointers = [
        (layout::EXT_FINGERPRINT, Some(fingerprint)),
        (layout::EXT_NAME, Some(name)),
        (layout::EXT_CLASSES, class_array),
        (layout::EXT_ROOTS, root_array),
        (layout::EXT_PROVIDES, Some(provides)),
        (layout::EXT_DEPENDS, depend_array),
        (
            layout::EXT_SPACE_CLASS,
            Some(state.class(program, space_class)?),
        ),
    ];
    for (offset, data) in pointers {
        if let Some(data) = data {
            let gv = state.module.declare_data_in_data(data, &mut desc);
            desc.write_data_addr(offset as u32, gv, 0);
        }
    }
    for (offset, func) in [
        (layout::EXT_INIT_GLOBALS, init_globals),
        (
            layout::EXT_INIT_MODULE,
            state.function(program, init_module)?,
        ),
    ] {
        let fref = state.module.declare_func_in_data(func, &mut desc);
        desc.write_function_addr(offset as u32, fref);
    }
    state.module.define_data(id, &desc).map_err(module_err)
}

/// Defines [`seam_abi::symbols::EXTENSION_ENTRY`] (`init_module`): a global,
/// default-visibility function symbol at the same code as the hidden function
/// `func`, which the descriptor also names. The loader checks that the two agree.
pub(super) fn define_entry_symbol(
    product: &mut cranelift_object::ObjectProduct,
    func: cranelift_module::FuncId,
) {
    use cranelift_object::object::write::{Symbol, SymbolSection};
    use cranelift_object::object::{SymbolFlags, SymbolKind, SymbolScope};
    let id = product.function_symbol(func);
    let target = product.object.symbol(id);
    let (value, size, section) = (target.value, target.size, target.section);
    if let SymbolSection::Section(_) = section {
        product.object.add_symbol(Symbol {
            name: seam_abi::symbols::EXTENSION_ENTRY.as_bytes().to_vec(),
            value,
            size,
            kind: SymbolKind::Text,
            scope: SymbolScope::Dynamic,
            weak: false,
            section,
            flags: SymbolFlags::None,
        });
    }
}

/// The symbol of an extension's `init_globals` (hidden; unique per extension, so that
/// several extensions can be linked into one core).
pub(super) fn init_globals_symbol(name: &str) -> String {
    format!(
        "{}__init_globals",
        tir::ExtensionInfo::descriptor_symbol(name)
    )
}

/// Defines `init_globals()`: create the literals, then run the initialisers in
/// `init_order`, returning as soon as one leaves an exception in the state.
fn define_init_globals(
    state: &mut ModuleState,
    program: &tir::Program,
    ext: &tir::ExtensionInfo,
    ctx: &mut cranelift_codegen::Context,
    fctx: &mut FunctionBuilderContext,
) -> Result<cranelift_module::FuncId, CodegenError> {
    let sig = state.module.make_signature();
    let id = state
        .module
        .declare_function(&init_globals_symbol(&ext.name), Linkage::Hidden, &sig)
        .map_err(module_err)?;
    ctx.func.signature = sig;

    let ptr = state.ptr;
    let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
    let mut refs = function::SymbolRefs::default();
    let entry = b.create_block();
    b.switch_to_block(entry);
    b.seal_block(entry);

    // Nothing here holds a reference across a call: the literals go straight into
    // their slots, which the loader registered as roots. No shadow-stack frame.
    super::create_literals(state, program, &mut b, &mut refs)?;

    let raised = b.create_block();
    b.set_cold_block(raised);
    let mut checked = false;
    for &init in &program.init_order {
        let index = init.0 as usize;
        let (callee, can_raise) = match program.functions.get(index) {
            Some(f) if !state.imported.functions[index] => {
                (state.function(program, index)?, f.can_raise)
            }
            _ => {
                return Err(CodegenError::MalformedTir {
                    function: INIT_GLOBALS_NAME.to_string(),
                    message: format!("initialiser {} is not the extension's own", init.0),
                });
            }
        };
        let callee = refs.func(&mut b, state, callee);
        b.ins().call(callee, &[]);
        if can_raise {
            let exc_gv = refs.data(&mut b, state, state.exc_current);
            let addr = b.ins().symbol_value(ptr, exc_gv);
            let exc = b.ins().load(ptr, function::trusted(), addr, 0);
            let next = b.create_block();
            b.ins().brif(exc, raised, &[], next, &[]);
            b.switch_to_block(next);
            checked = true;
        }
    }
    b.ins().return_(&[]);
    if checked {
        b.switch_to_block(raised);
        b.ins().return_(&[]);
    }
    b.seal_all_blocks();
    b.finalize(state.module.target_config());
    function::compile(state, id, ctx, INIT_GLOBALS_NAME)?;
    Ok(id)
}
