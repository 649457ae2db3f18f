# A regular package (with __init__.py).
