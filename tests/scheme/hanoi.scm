; Towers of Hanoi: the moves for three discs, and the count for ten.
(define (hanoi n from to via)
  (if (= n 0) '()
      (append (hanoi (- n 1) from via to) (list (list from to)) (hanoi (- n 1) via to from))))
(display (hanoi 3 'a 'c 'b)) (newline)
(display (length (hanoi 6 'a 'c 'b))) (newline)
