; Counting words with a hash table.
(load-extension "ext/hashtables")
(define words '(the cat sat on the mat the cat ran))
(define counts (make-hash-table))
(for-each (lambda (w) (hash-set! counts w (+ 1 (hash-ref counts w 0)))) words)
(display (map (lambda (w) (hash-ref counts w)) '(the cat sat on mat ran dog))) (newline)
(display (hash-count (lambda (k v) (> v 1)) counts)) (newline)
