; apply with builtins, closures, rest parameters.
(define (f a b . rest) (list a b rest))
(display (apply f '(1 2))) (display (apply f 1 2 '(3 4))) (newline)
(display (apply string-append (map symbol->string '(a b c)))) (newline)
(display (apply apply (list + (list 1 2 3)))) (newline)
(display (map apply (list + *) '((1 2 3) (4 5)))) (newline)
