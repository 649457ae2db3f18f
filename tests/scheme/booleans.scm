; Booleans and truthiness: only #f is false.
(define (truthy x) (if x 'yes 'no))
(display (map truthy (list #t #f 0 '() "" 'a))) (newline)
(display (not #f)) (display (not 0)) (display (not '())) (newline)
(display (boolean? #f)) (display (boolean? '())) (display (boolean? 0)) (newline)
(write #true) (write #false) (newline)
(display (and)) (display (or)) (display (and 1 2 3)) (display (and 1 #f 3)) (display (or #f 2)) (display (or #f #f)) (newline)
(display (if #f #f)) (newline)
