; (error MESSAGE IRRITANT...): the message, then the irritants as write shows them.
(display "before") (newline)
(define (serve request)
  (cond ((eq? request 'deposit) 'ok)
        (else (error "Unknown request" request))))
(display (serve 'deposit)) (newline)
(serve 'transfer)
(display "after") (newline)
