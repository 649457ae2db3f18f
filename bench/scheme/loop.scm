; Ten million iterations of a named let: constant space.
(define (count n) (let loop ((i 0) (acc 0)) (if (= i n) acc (loop (+ i 1) (+ acc i)))))
(display (count 10000000))
(newline)
