//! Prints the core and extensions for each seed given, each file after a
//! `# ==== NAME` line (`cargo run -p seam-gen --example dump_seam -- SEED`).

fn main() {
    for arg in std::env::args().skip(1) {
        match arg.parse::<u64>() {
            Ok(seed) => {
                let case = seam_gen::seam::case(seed);
                print!("# ==== main.py\n{}", case.core);
                for (name, source) in &case.extensions {
                    print!("# ==== {name}\n{source}");
                }
            }
            Err(_) => eprintln!("dump_seam: not a seed: {arg}"),
        }
    }
}
