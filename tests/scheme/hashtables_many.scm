; Many tables and entries: their contents live in the module's globals, which the
; collector must see as roots.
(load-extension "ext/hashtables")
(define (make-table i)
  (let ((h (make-hash-table)))
    (let loop ((j 0))
      (when (< j 20)
        (hash-set! h (list i j) (string-append "v" (number->string (* i j))))
        (loop (+ j 1))))
    h))
(define tables (let loop ((i 0) (acc '())) (if (= i 30) (reverse acc) (loop (+ i 1) (cons (make-table i) acc)))))
(display (hash-ref (list-ref tables 7) (list 7 3))) (newline)
(display (hash-ref (list-ref tables 29) (list 29 19))) (newline)
(display (apply + (map (lambda (h) (hash-count (lambda (k v) #t) h)) tables))) (newline)
