// A tiny launcher for bench/run.py: `measure OUT_FILE CMD ARGS...` runs CMD,
// waits for it with wait4(2), writes "WALL_SECONDS USER_SECONDS SYS_SECONDS
// MAX_RSS_KB" to OUT_FILE, and exits with CMD's status (128 + N if signal N
// killed it). CMD's standard streams are this process's.
//
// Why not measure from Python: a child's ru_maxrss includes the memory image it
// was forked from (Linux keeps the high-water mark of the pre-exec image), so
// anything spawned by the harness would report at least the harness's own RSS.
// Forked from this small process instead, the floor is about 1-2 MB.
// Compiled by bench/run.py with `rustc -O`; no dependencies.

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus};
use std::time::Instant;

#[repr(C)]
#[derive(Default)]
struct Timeval {
    sec: i64,
    usec: i64,
}

#[repr(C)]
#[derive(Default)]
struct Rusage {
    utime: Timeval,
    stime: Timeval,
    maxrss: i64,
    rest: [i64; 13],
}

extern "C" {
    fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut Rusage) -> i32;
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: measure OUT_FILE CMD [ARGS...]");
        std::process::exit(2);
    }
    let start = Instant::now();
    let child = match Command::new(&args[2]).args(&args[3..]).spawn() {
        Ok(child) => child,
        Err(e) => {
            eprintln!("measure: cannot run {}: {e}", args[2]);
            std::process::exit(127);
        }
    };
    let mut status = 0i32;
    let mut usage = Rusage::default();
    // SAFETY: plain system call on our own child, with valid out-pointers.
    let pid = unsafe { wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let wall = start.elapsed().as_secs_f64();
    if pid < 0 {
        eprintln!("measure: wait4 failed: {}", std::io::Error::last_os_error());
        std::process::exit(125);
    }
    let secs = |t: &Timeval| t.sec as f64 + t.usec as f64 / 1e6;
    let mut out = std::fs::File::create(&args[1]).expect("measure: cannot write the result file");
    writeln!(out, "{wall:.6} {:.6} {:.6} {}", secs(&usage.utime), secs(&usage.stime), usage.maxrss)
        .expect("measure: cannot write the result file");
    let status = ExitStatus::from_raw(status);
    std::process::exit(match (status.code(), status.signal()) {
        (Some(code), _) => code,
        (None, Some(sig)) => 128 + sig,
        _ => 125,
    });
}
