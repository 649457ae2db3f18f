// bench/programs/binary_trees.py in plain Rust: the same algorithm, one Box per
// node, freed when the tree is dropped. Compiled by bench/run.py with `rustc -O`.

struct Node {
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

fn make(depth: u32) -> Box<Node> {
    if depth == 0 {
        return Box::new(Node { left: None, right: None });
    }
    Box::new(Node { left: Some(make(depth - 1)), right: Some(make(depth - 1)) })
}

fn check(node: &Node) -> i64 {
    let mut n = 1;
    if let Some(left) = &node.left {
        n += check(left);
    }
    if let Some(right) = &node.right {
        n += check(right);
    }
    n
}

fn main() {
    let n: u32 = std::env::args().nth(1).map_or(16, |a| a.parse().expect("depth"));
    let min_depth = 4;
    let max_depth = (min_depth + 2).max(n);
    let stretch = max_depth + 1;
    println!("stretch tree of depth {}\t check: {}", stretch, check(&make(stretch)));
    let long_lived = make(max_depth);
    let mut depth = min_depth;
    while depth <= max_depth {
        let iterations: i64 = 1 << (max_depth - depth + min_depth);
        let mut total = 0;
        for _ in 0..iterations {
            total += check(&make(depth));
        }
        println!("{}\t trees of depth {}\t check: {}", iterations, depth, total);
        depth += 2;
    }
    println!("long lived tree of depth {}\t check: {}", max_depth, check(&long_lived));
}
