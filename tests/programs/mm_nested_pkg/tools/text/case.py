# tools.text.case: three levels deep.


def snake(s: str) -> str:
    out = ""
    for ch in s:
        if ch.isupper():
            if out != "":
                out = out + "_"
            out = out + ch.lower()
        else:
            out = out + ch
    return out
