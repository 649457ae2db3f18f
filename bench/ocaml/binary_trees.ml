(* bench/programs/binary_trees.py in OCaml: the same algorithm, one heap block
   per node (a depth-0 node is `Node (Leaf, Leaf)`, as Python's is
   `Node(None, None)`), left to OCaml's generational collector. Compiled by
   bench/run.py with `ocamlopt` when it is installed (bench/run.sh installs
   Debian's ocaml-nox when it is missing). *)

type node = Leaf | Node of node * node

let rec make depth =
  if depth = 0 then Node (Leaf, Leaf)
  else Node (make (depth - 1), make (depth - 1))

let rec check = function
  | Leaf -> 0
  | Node (l, r) -> 1 + check l + check r

let () =
  let n = if Array.length Sys.argv > 1 then int_of_string Sys.argv.(1) else 16 in
  let min_depth = 4 in
  let max_depth = max (min_depth + 2) n in
  let stretch = max_depth + 1 in
  Printf.printf "stretch tree of depth %d\t check: %d\n" stretch (check (make stretch));
  let long_lived = make max_depth in
  let depth = ref min_depth in
  while !depth <= max_depth do
    let iterations = 1 lsl (max_depth - !depth + min_depth) in
    let total = ref 0 in
    for _ = 1 to iterations do
      total := !total + check (make !depth)
    done;
    Printf.printf "%d\t trees of depth %d\t check: %d\n" iterations !depth !total;
    depth := !depth + 2
  done;
  Printf.printf "long lived tree of depth %d\t check: %d\n" max_depth (check long_lived)
