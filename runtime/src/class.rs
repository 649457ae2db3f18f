//! Class descriptors and instances as the runtime sees them: reading a
//! descriptor's name, size, flags and parent (laid out by the translator,
//! see [`crate::layout`]), allocating instances, and printing them as
//! CPython does.
//!
//! Descriptors are static data emitted by the translator (or hand-made by
//! tests), never GC objects. This file knows nothing of fields other than an
//! exception's message, nor of vtables.

use crate::error::{ExcKind, builtin_class};
use crate::format::write_str_repr;
use crate::gcglue::{ptr, word};
use crate::layout::{
    CLASS_FLAG_EXCEPTION, CLASS_FLAGS, CLASS_NAME, CLASS_PARENT, CLASS_SIZE, DESCRIPTOR,
    EXC_MESSAGE,
};
use crate::strobj::{empty_str, str_as_str};
use seam_gc::GcTypeInfo;
use std::borrow::Cow;
use std::ffi::CStr;

/// How many parents [`is_subclass`] follows before giving up: a bound that
/// keeps a malformed (cyclic) descriptor chain from hanging the process.
const MAX_DEPTH: usize = 1 << 16;

/// The descriptor of an instance.
///
/// # Safety
/// `obj` must be a live instance of a class.
pub(crate) unsafe fn class_of(obj: *mut u8) -> *const u8 {
    // SAFETY: offset 0 of every object is its descriptor.
    unsafe { ptr(obj, DESCRIPTOR) }
}

/// A descriptor's qualified name (`ValueError`, `main.MyError`).
///
/// # Safety
/// `desc` must be a class descriptor.
pub(crate) unsafe fn class_name<'a>(desc: *const u8) -> Cow<'a, str> {
    // SAFETY: a descriptor's name word is null or a NUL-terminated static string.
    unsafe {
        let name = ptr(desc.cast_mut(), CLASS_NAME);
        if name.is_null() {
            return Cow::Borrowed("?");
        }
        CStr::from_ptr(name.cast()).to_string_lossy()
    }
}

/// Whether instances of the class are exceptions.
///
/// # Safety
/// `desc` must be a class descriptor.
pub(crate) unsafe fn class_is_exception(desc: *const u8) -> bool {
    // SAFETY: forwarded from the caller.
    unsafe { word(desc.cast_mut(), CLASS_FLAGS) & CLASS_FLAG_EXCEPTION != 0 }
}

/// Whether `desc` is `ancestor` or one of its subclasses.
///
/// # Safety
/// `desc` must be a class descriptor; `ancestor` may be anything (it is only compared).
pub(crate) unsafe fn is_subclass(desc: *const u8, ancestor: *const u8) -> bool {
    let mut cur = desc;
    for _ in 0..MAX_DEPTH {
        if cur.is_null() {
            return false;
        }
        if cur == ancestor {
            return true;
        }
        // SAFETY: every parent word is null or a class descriptor.
        cur = unsafe { ptr(cur.cast_mut(), CLASS_PARENT) };
    }
    false
}

/// A new zeroed instance of the class `desc`, sized by its descriptor (at
/// least large enough for an exception's message). May collect.
///
/// # Safety
/// `desc` must be a class descriptor whose GC information only names offsets
/// inside its instance size; every root must be valid.
pub(crate) unsafe fn new_instance(desc: *const u8) -> *mut u8 {
    // SAFETY: forwarded from the caller; a descriptor starts with its GcTypeInfo.
    unsafe {
        let size = (word(desc.cast_mut(), CLASS_SIZE) as usize).max(EXC_MESSAGE + 8);
        seam_gc::alloc(desc.cast::<GcTypeInfo>(), size)
    }
}

/// The message `str` of an exception instance, or null when there is none.
///
/// # Safety
/// `exc` must be a live instance.
pub(crate) unsafe fn exc_message(exc: *mut u8) -> *mut u8 {
    // SAFETY: an exception's first field is its message; other instances have none.
    unsafe {
        if class_is_exception(class_of(exc)) {
            ptr(exc, EXC_MESSAGE)
        } else {
            std::ptr::null_mut()
        }
    }
}

/// The message of an exception instance as text ("" when there is none).
///
/// # Safety
/// `exc` must be a live instance; the text is valid while it stays live.
pub(crate) unsafe fn exc_message_text<'a>(exc: *mut u8) -> &'a str {
    // SAFETY: forwarded from the caller; the message is null or a live str.
    unsafe {
        let msg = exc_message(exc);
        if msg.is_null() { "" } else { str_as_str(msg) }
    }
}

/// `str(obj)` of an instance when it differs from its repr: an exception's
/// message (the empty `str` when it has none). `None` for other instances.
///
/// # Safety
/// `obj` must be a live instance.
pub(crate) unsafe fn instance_str(obj: *mut u8) -> Option<*mut u8> {
    // SAFETY: forwarded from the caller.
    unsafe {
        if !class_is_exception(class_of(obj)) {
            return None;
        }
        let msg = exc_message(obj);
        Some(if msg.is_null() { empty_str() } else { msg })
    }
}

/// Appends `repr(obj)` for an instance: `Name('message')` (or `Name()`) for
/// an exception, as CPython prints one constructed with its message, and
/// `<module.Name object at 0x...>` for anything else.
///
/// CPython's exception repr uses the unqualified class name, and shows a
/// `KeyError`'s argument as its repr, which is exactly the message the
/// front end stores for `KeyError` and its subclasses.
///
/// # Safety
/// `obj` must be a live instance.
pub(crate) unsafe fn write_instance_repr(out: &mut String, obj: *mut u8) {
    // SAFETY: forwarded from the caller.
    unsafe {
        let desc = class_of(obj);
        let name = class_name(desc);
        if !class_is_exception(desc) {
            out.push_str(&format!("<{name} object at {:#x}>", obj as usize));
            return;
        }
        let short = name.rsplit('.').next().unwrap_or(&name);
        out.push_str(short);
        out.push('(');
        let msg = exc_message_text(obj);
        if !msg.is_empty() {
            if is_subclass(desc, builtin_class(ExcKind::KeyError)) {
                out.push_str(msg);
            } else {
                write_str_repr(out, msg);
            }
        }
        out.push(')');
    }
}
