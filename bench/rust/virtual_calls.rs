// bench/programs/virtual_calls.py in plain Rust: trait objects in a Vec<Box<dyn Shape>>.
// Compiled by bench/run.py with `rustc -O`.

trait Shape {
    fn weight(&self, k: i64) -> i64;
}

struct Square;
struct Double;
struct Shift;
struct Negate;

impl Shape for Square {
    fn weight(&self, k: i64) -> i64 {
        k * k
    }
}
impl Shape for Double {
    fn weight(&self, k: i64) -> i64 {
        k + k
    }
}
impl Shape for Shift {
    fn weight(&self, k: i64) -> i64 {
        k >> 1
    }
}
impl Shape for Negate {
    fn weight(&self, k: i64) -> i64 {
        -k
    }
}

fn main() {
    let rounds: i64 = std::env::args().nth(1).map_or(240000, |a| a.parse().expect("rounds"));
    let mut shapes: Vec<Box<dyn Shape>> = Vec::new();
    for i in 0..100 {
        shapes.push(match i % 4 {
            0 => Box::new(Square),
            1 => Box::new(Double),
            2 => Box::new(Shift),
            _ => Box::new(Negate),
        });
    }
    // Keep the optimiser from seeing the concrete types through the Vec.
    let shapes = std::hint::black_box(shapes);
    let mut total: i64 = 0;
    for r in 0..rounds {
        let k = r & 1023;
        for s in &shapes {
            total = total.wrapping_add(s.weight(k));
        }
        total &= 0xFFFFFFFFFFF;
    }
    println!("calls: {} total: {}", rounds * shapes.len() as i64, total);
}
