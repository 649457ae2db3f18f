//! Class descriptors: one data object per [`tir::Class`] the object defines.
//!
//! ```text
//!   0  GcTypeInfo (32 bytes): kind, ref_count, ref_offsets ──▶ [u32 offsets of reference fields]
//!  32  class_id      40  class_max     48  instance_size
//!  56  name ──▶ "m.Name\0"             64  parent ──▶ descriptor, or 0
//!  72  flags         80  vtable_len    88  slack_start
//!  96  dunder table: `__str__` ... `__len__`, then the ordering methods' parameter classes
//! 208  vtable: one function pointer a slot
//! ```
//!
//! A core's descriptors are read-only and exported. An extension imports the
//! descriptors of the core's classes (builtin exceptions included) and defines
//! its own classes' descriptors hidden and *writable*, with `class_id`,
//! `class_max` and `slack_start` zero: the loader assigns the range from the
//! parent's slack and writes it there. Their parent and vtable words may point
//! into the core (relocations against imported symbols, resolved at `dlopen`).
//!
//! Every instance's word 0 points at its class's descriptor, so the collector
//! traces instances through the leading `GcTypeInfo` and generated code finds
//! the class id (for `isinstance` and `except`) and the vtable from the same
//! word. Descriptors hold relocations, so they land in `.data.rel.ro`, which a
//! PIE or shared object may use.
//!
//! This module knows the collector's `GcTypeInfo` layout only as bytes, from
//! `seam_abi::gc`: the `seam-gc` crate is not a dependency of the translator.

use cranelift_module::{DataDescription, DataId, Linkage, Module, ModuleError};

use super::{CodegenError, ModuleState};
use crate::layout;
use crate::tir;

use seam_abi::gc;

/// Declares every class's descriptor under its symbol without defining it (descriptors
/// point at each other and at functions, so everything is declared first): a core's
/// exported and read-only, an extension's own hidden and writable, the core's as imports.
pub(super) fn declare_classes(
    module: &mut cranelift_object::ObjectModule,
    program: &tir::Program,
    imported: &super::Imported,
    loader_numbered: &[bool],
) -> Result<Vec<Option<DataId>>, CodegenError> {
    program
        .classes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // The core's classes, seen from an extension, are declared on first use.
            if imported.classes[i] {
                return Ok(None);
            }
            let (linkage, writable) = if loader_numbered[i] {
                (Linkage::Hidden, true)
            } else {
                (Linkage::Export, false)
            };
            module
                .declare_data(&c.symbol, linkage, writable, false)
                .map(Some)
                .map_err(|e| CodegenError::Module(e.to_string()))
        })
        .collect()
}

/// Defines every class's descriptor, its name string and its reference-offset table.
pub(super) fn define_classes(
    state: &mut ModuleState,
    program: &tir::Program,
) -> Result<(), CodegenError> {
    let module_err = |e: ModuleError| CodegenError::Module(e.to_string());
    for (index, class) in program.classes.iter().enumerate() {
        if state.imported.classes[index] {
            continue;
        }
        // An extension's class: the loader writes the id range into the descriptor.
        let loader_numbered = state.loader_numbered[index];
        let malformed = |message: String| CodegenError::MalformedTir {
            function: format!("<class {}>", class.name),
            message,
        };
        if !loader_numbered && class.id >= class.id_max {
            return Err(malformed(format!(
                "the id range {}..{} is empty",
                class.id, class.id_max
            )));
        }

        let name_id = state
            .module
            .declare_data(
                &format!("seam.class.name.{index}"),
                Linkage::Local,
                false,
                false,
            )
            .map_err(module_err)?;
        let mut name = class.name.clone().into_bytes();
        name.push(0);
        let mut desc = DataDescription::new();
        desc.define(name.into_boxed_slice());
        state
            .module
            .define_data(name_id, &desc)
            .map_err(module_err)?;

        let ref_offsets: Vec<u32> = class
            .fields
            .iter()
            .filter(|f| f.ty.is_ref())
            .map(|f| {
                u32::try_from(f.offset)
                    .ok()
                    .filter(|&o| o >= 8 && o % 8 == 0 && o < class.size)
                    .ok_or_else(|| {
                        malformed(format!(
                            "field `{}` at offset {} outside the instance of {} bytes",
                            f.name, f.offset, class.size
                        ))
                    })
            })
            .collect::<Result<_, _>>()?;
        let offsets_id = if ref_offsets.is_empty() {
            None
        } else {
            let id = state
                .module
                .declare_data(
                    &format!("seam.class.refs.{index}"),
                    Linkage::Local,
                    false,
                    false,
                )
                .map_err(module_err)?;
            let bytes: Vec<u8> = ref_offsets.iter().flat_map(|o| o.to_ne_bytes()).collect();
            let mut desc = DataDescription::new();
            desc.define(bytes.into_boxed_slice());
            desc.set_align(4);
            state.module.define_data(id, &desc).map_err(module_err)?;
            Some(id)
        };

        let vtable_at = layout::CLASS_VTABLE as usize;
        let mut bytes = vec![0u8; vtable_at + 8 * class.vtable.len()];
        let mut put = |offset: usize, word: &[u8]| {
            bytes[offset..offset + word.len()].copy_from_slice(word);
        };
        let kind = if ref_offsets.is_empty() {
            gc::kind::NO_REFS
        } else {
            gc::kind::FIXED_REFS
        };
        let gc_info = layout::CLASS_GC_INFO as usize;
        put(gc_info + gc::KIND, &kind.to_ne_bytes());
        put(
            gc_info + gc::REF_COUNT,
            &(ref_offsets.len() as u32).to_ne_bytes(),
        );
        if loader_numbered {
            // Until the loader numbers the class: how many ids it reserves for the
            // subclasses of later extensions (its slack), which the loader adds to its block.
            put(
                layout::CLASS_SLACK_START as usize,
                &i64::from(class.id_max.saturating_sub(class.slack_start)).to_ne_bytes(),
            );
        } else {
            put(
                layout::CLASS_ID as usize,
                &i64::from(class.id).to_ne_bytes(),
            );
            put(
                layout::CLASS_MAX as usize,
                &i64::from(class.id_max).to_ne_bytes(),
            );
            put(
                layout::CLASS_SLACK_START as usize,
                &i64::from(class.slack_start).to_ne_bytes(),
            );
        }
        put(
            layout::CLASS_SIZE as usize,
            &i64::from(class.size).to_ne_bytes(),
        );
        let mut flags = 0;
        if class.is_exception {
            flags |= layout::CLASS_FLAG_EXCEPTION;
        }
        if class.is_final {
            flags |= layout::CLASS_FLAG_FINAL;
        }
        put(layout::CLASS_FLAGS as usize, &flags.to_ne_bytes());
        put(
            layout::CLASS_VTABLE_LEN as usize,
            &(class.vtable.len() as i64).to_ne_bytes(),
        );

        let mut desc = DataDescription::new();
        desc.define(bytes.into_boxed_slice());
        desc.set_align(8);
        if let Some(offsets_id) = offsets_id {
            let gv = state.module.declare_data_in_data(offsets_id, &mut desc);
            desc.write_data_addr(
                (layout::CLASS_GC_INFO as usize + gc::REF_OFFSETS) as u32,
                gv,
                0,
            );
        }
        let gv = state.module.declare_data_in_data(name_id, &mut desc);
        desc.write_data_addr(layout::CLASS_NAME as u32, gv, 0);
        if let Some(parent) = class.parent {
            let parent_id = state.class(program, parent.0 as usize)?;
            let gv = state.module.declare_data_in_data(parent_id, &mut desc);
            desc.write_data_addr(layout::CLASS_PARENT as u32, gv, 0);
        }
        for (slot, entry) in class.vtable.iter().enumerate() {
            if entry.func.0 as usize >= program.functions.len() {
                return Err(malformed(format!(
                    "vtable slot {slot} (`{}`) names function {}, which does not exist",
                    entry.name, entry.func.0
                )));
            }
            let func = state.function(program, entry.func.0 as usize)?;
            let fref = state.module.declare_func_in_data(func, &mut desc);
            desc.write_function_addr((vtable_at + 8 * slot) as u32, fref);
        }
        define_dunder_table(state, program, class, &mut desc, &malformed)?;
        let descriptor = state.class(program, index)?;
        state
            .module
            .define_data(descriptor, &desc)
            .map_err(module_err)?;
    }
    Ok(())
}

/// Fills the descriptor's dunder table (see [`layout::CLASS_DUNDERS`]) from the vtable:
/// each dunder method the class defines or inherits, and the class the `other`
/// parameter of each ordering method is declared as.
fn define_dunder_table(
    state: &mut ModuleState,
    program: &tir::Program,
    class: &tir::Class,
    desc: &mut DataDescription,
    malformed: &dyn Fn(String) -> CodegenError,
) -> Result<(), CodegenError> {
    let at = layout::CLASS_DUNDERS as usize;
    for (i, name) in layout::DUNDER_NAMES.iter().enumerate() {
        let Some(entry) = class.vtable.iter().find(|e| e.name == *name) else {
            continue;
        };
        let Some(func) = program.functions.get(entry.func.0 as usize) else {
            return Err(malformed(format!(
                "dunder `{name}` names function {}, which does not exist",
                entry.func.0
            )));
        };
        let fid = state.function(program, entry.func.0 as usize)?;
        let fref = state.module.declare_func_in_data(fid, desc);
        desc.write_function_addr((at + 8 * i) as u32, fref);
        if (layout::DUNDER_LT..layout::DUNDER_LT + 4).contains(&i) {
            let param = func
                .params
                .get(1)
                .and_then(|p| func.locals.get(p.0 as usize))
                .map(|l| l.ty.clone());
            if let Some(tir::Type::Instance(c)) = param {
                let param_desc = state.class(program, c.0 as usize)?;
                let gv = state.module.declare_data_in_data(param_desc, desc);
                let word = layout::DUNDER_PARAMS + (i - layout::DUNDER_LT);
                desc.write_data_addr((at + 8 * word) as u32, gv, 0);
            }
        }
    }
    Ok(())
}

/// The table [`crate::rt::Rt::RegisterBuiltinClasses`] takes: a read-only array of
/// descriptor addresses indexed by [`crate::rt::ExcKind`], null where the program
/// lacks the class.
pub(super) fn define_builtin_table(
    state: &mut ModuleState,
    program: &tir::Program,
) -> Result<DataId, CodegenError> {
    let module_err = |e: ModuleError| CodegenError::Module(e.to_string());
    let kinds = crate::rt::ExcKind::ALL;
    let id = state
        .module
        .declare_data("seam.builtin_classes", Linkage::Local, false, false)
        .map_err(module_err)?;
    let mut desc = DataDescription::new();
    // Explicit zero bytes, not `define_zeroinit`: zero-initialised data goes to `.bss`,
    // which cannot carry the relocations.
    desc.define(vec![0u8; 8 * kinds.len()].into_boxed_slice());
    desc.set_align(8);
    let mut seen = vec![false; kinds.len()];
    for (index, class) in program.classes.iter().enumerate() {
        let Some(kind) = class.builtin else { continue };
        let class_id = state.class(program, index)?;
        let k = kind as usize;
        if seen[k] {
            return Err(CodegenError::MalformedTir {
                function: format!("<class {}>", class.name),
                message: format!("a second class for builtin {}", kind.name()),
            });
        }
        seen[k] = true;
        let gv = state.module.declare_data_in_data(class_id, &mut desc);
        desc.write_data_addr((8 * k) as u32, gv, 0);
    }
    state.module.define_data(id, &desc).map_err(module_err)?;
    Ok(id)
}
