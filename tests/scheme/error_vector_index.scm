; vector-ref out of range: the vectors module raises its own subclass of the core's error.
(load-extension "ext/vectors")
(define v (vector 1 2 3))
(display (vector-ref v 2)) (newline)
(display (vector-ref v 10)) (newline)
