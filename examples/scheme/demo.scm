; The Scheme demo: the interpreter core (main.py, translated by `seam build-core`)
; runs this program, which loads modules compiled separately (`seam build-ext`).
(load-extension "ext/vectors")
(load-extension "ext/hashtables")
(load-extension "ext/bignums")

(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(display "(fib 25) = ") (display (fib 25)) (newline)

; Ten million iterations of a named let run in constant space: proper tail calls.
(define (count-up n) (let loop ((i 0) (acc 0)) (if (= i n) acc (loop (+ i 1) (+ acc i)))))
(display "sum below 10^7 = ") (display (count-up 10000000)) (newline)

; Vectors come from ext/vectors.so: a type of its own, printed as Guile prints it.
(define (sieve n)
  (let ((v (make-vector (+ n 1) #t)))
    (let loop ((i 2))
      (when (<= (* i i) n)
        (when (vector-ref v i)
          (let mark ((j (* i i))) (when (<= j n) (vector-set! v j #f) (mark (+ j i)))))
        (loop (+ i 1))))
    (let collect ((i n) (acc '()))
      (if (< i 2) (list->vector acc) (collect (- i 1) (if (vector-ref v i) (cons i acc) acc))))))
(display "primes below 50: ") (write (sieve 50)) (newline)

; Integers past 64 bits come from ext/bignums.so: the core catches the fixnum
; overflow and hands the operation to the module.
(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))
(display "(fact 30) = ") (display (fact 30)) (newline)

; Hash tables come from ext/hashtables.so, keyed by equal?.
(define counts (make-hash-table))
(for-each (lambda (w) (hash-set! counts w (+ 1 (hash-ref counts w 0))))
          '(to be or not to be that is the question))
(display "(to be question) counted: ")
(write (map (lambda (w) (hash-ref counts w)) '(to be question))) (newline)

(write `(closures ,(map (lambda (f) (f 10)) (list (lambda (x) (* x x)) (lambda (x) (- x)))) "strings\n" #\λ 2.5))
(newline)
