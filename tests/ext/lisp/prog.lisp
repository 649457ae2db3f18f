; read from a file by the core
(define (fact n) (if (< n 2) 1 (* n (fact (- n 1)))))
(fact 20)
(define (loop i acc) (if (< i 1) acc (loop (- i 1) (+ acc i))))
(loop 300 0)
(define xs (list 1 2 3 'four))
xs
(cons 1 2)
(length xs)
(length (cons 1 2))
(= (list 1 2) (list 1 2))
(= 'a 'a)
(string-append (symbol->string 'hello) (symbol->string 'world))
(= (symbol->string 'x) (symbol->string 'x))
(car 5)
undefined-name
((lambda (x y) (* x y)) 6 7)
((lambda (x) x))
car
