; An error deep in a loop: the output so far is kept.
(let loop ((i 0))
  (display i) (display " ")
  (if (= i 5) (error "stopped at" i) (loop (+ i 1))))
