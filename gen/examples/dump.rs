//! Prints the program for each seed given (`cargo run -p seam-gen --example dump -- SEED`).

fn main() {
    for arg in std::env::args().skip(1) {
        match arg.parse::<u64>() {
            Ok(seed) => print!("{}", seam_gen::program(seed)),
            Err(_) => eprintln!("dump: not a seed: {arg}"),
        }
    }
}
