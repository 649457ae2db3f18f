//! The few operating-system services the collector needs beyond `std`:
//! reserving the shadow stack with a guard page, giving empty chunks' pages
//! back, telling the C library's allocator how much freed memory to keep,
//! and running code at exit.
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

#[cfg(all(target_os = "linux", target_env = "gnu"))]
unsafe extern "C" {
    fn mallopt(param: c_int, value: c_int) -> c_int;
}

/// Asks the C library's allocator (which the collector's chunks and large
/// blocks come from) to keep up to `trim` bytes of freed memory at the top
/// of its heaps instead of giving them back at once, and to serve requests
/// below 32 MiB from its heaps rather than mapping each one: its defaults
/// (128 KiB, adjusted as blocks are freed) make a program whose large
/// strings die young map, fault in and give back the same pages at every
/// collection. Does nothing where the C library is not glibc.
pub(crate) fn keep_freed_memory(trim: usize) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const M_TRIM_THRESHOLD: c_int = -1;
        const M_MMAP_THRESHOLD: c_int = -3;
        let trim = c_int::try_from(trim).unwrap_or(c_int::MAX);
        // SAFETY: `mallopt` only sets the allocator's parameters (under the
        // allocator's own lock).
        unsafe {
            mallopt(M_TRIM_THRESHOLD, trim);
            mallopt(M_MMAP_THRESHOLD, 32 << 20);
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = trim;
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
