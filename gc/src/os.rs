//! The few operating-system services the collector needs beyond `std`:
//! mapping the memory chunks are carved from, reserving the shadow stack
//! with a guard page, giving empty chunks' pages back, and running code at
//! exit.
//!
//! Declared by hand against the C library that `std` already links, so the
//! crate keeps no dependencies. Knows nothing of objects or roots.

use std::ffi::c_int;

unsafe extern "C" {
    fn atexit(callback: extern "C" fn()) -> c_int;
}

#[cfg(target_os = "linux")]
unsafe extern "C" {
    fn mmap(addr: *mut u8, len: usize, prot: c_int, flags: c_int, fd: c_int, off: i64) -> *mut u8;
    fn mprotect(addr: *mut u8, len: usize, prot: c_int) -> c_int;
    fn madvise(addr: *mut u8, len: usize, advice: c_int) -> c_int;
}

/// Maps `len` bytes (a multiple of 4096) of fresh zeroed memory, aligned to
/// 4096, that take memory only once written (anonymous pages); null when the
/// system refuses. Never unmapped. Where the platform has no such call, the
/// system allocator's zeroed memory, which may take memory at once.
pub(crate) fn map_zeroed(len: usize) -> *mut u8 {
    #[cfg(target_os = "linux")]
    {
        const PROT_READ: c_int = 1;
        const PROT_WRITE: c_int = 2;
        const MAP_PRIVATE: c_int = 0x02;
        const MAP_ANONYMOUS: c_int = 0x20;
        // SAFETY: an anonymous private mapping at a kernel-chosen address
        // touches no existing memory.
        let base = unsafe {
            mmap(
                std::ptr::null_mut(),
                len,
                PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if base as isize == -1 {
            std::ptr::null_mut()
        } else {
            base
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        use std::alloc::{GlobalAlloc, Layout, System};
        match Layout::from_size_align(len, 4096) {
            // SAFETY: `layout` has a non-zero size (the caller's `len`).
            Ok(layout) if len > 0 => unsafe { System.alloc_zeroed(layout) },
            _ => std::ptr::null_mut(),
        }
    }
}

/// Gives the pages of `[addr, addr + len)` back to the system, keeping the
/// range mapped: it reads as zeroes afterwards, and takes memory again only
/// when written. Does nothing where the platform has no such call.
///
/// # Safety
/// The range must be page-aligned private anonymous memory that nothing
/// needs the contents of.
pub(crate) unsafe fn release_pages(addr: *mut u8, len: usize) {
    #[cfg(target_os = "linux")]
    {
        const MADV_DONTNEED: c_int = 4;
        // SAFETY: the caller's guarantee.
        unsafe {
            madvise(addr, len, MADV_DONTNEED);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (addr, len);
}

/// Registers `callback` to run when the process exits (normally or via `exit`).
pub(crate) fn at_exit(callback: extern "C" fn()) {
    // SAFETY: `atexit` only stores the function pointer; the callback is a
    // plain `extern "C"` function that stays valid for the whole process.
    unsafe {
        atexit(callback);
    }
}

/// Reserves `words` zeroed machine words followed by an inaccessible guard
/// page (where the platform allows), so running off the end faults instead
/// of corrupting memory; `None` when the system refuses the address space.
/// The memory is never released.
pub(crate) fn reserve_words(words: usize) -> Option<*mut usize> {
    #[cfg(target_os = "linux")]
    {
        const PROT_NONE: c_int = 0;
        const PROT_READ: c_int = 1;
        const PROT_WRITE: c_int = 2;
        const MAP_PRIVATE: c_int = 0x02;
        const MAP_ANONYMOUS: c_int = 0x20;
        const MAP_NORESERVE: c_int = 0x4000;
        const GUARD: usize = 64 * 1024; // covers 4 KiB and 64 KiB pages alike
        let bytes = (words * 8).div_ceil(GUARD) * GUARD;
        // SAFETY: an anonymous private mapping at a kernel-chosen address
        // touches no existing memory.
        let base = unsafe {
            mmap(
                std::ptr::null_mut(),
                bytes + GUARD,
                PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                -1,
                0,
            )
        };
        if base as isize != -1 && !base.is_null() {
            // SAFETY: the guard range lies inside the mapping just created.
            unsafe {
                mprotect(base.add(bytes), GUARD, PROT_NONE);
            }
            return Some(base.cast());
        }
    }
    // No mmap (or it failed): a leaked zeroed allocation, without a guard page.
    let mut v: Vec<usize> = Vec::new();
    crate::fallibly(|| v.try_reserve_exact(words)).ok()?;
    v.resize(words, 0);
    Some(Box::leak(v.into_boxed_slice()).as_mut_ptr())
}
