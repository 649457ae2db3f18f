# QR codes for Scheme programs, through the showcase's C glue
# (examples/cproject/qr_glue.c, libqrencode): a program encodes a string and
# reads the code's modules, then draws it as it likes.
#
#   seam build-ext ext/qrcode.py --exports scheme.exports -o ext/qrcode.so
#
# and `(load-extension "ext/qrcode")` in a program:
#   (qr-encode "text")      => a QR code (version chosen for the text, level M)
#   (qr-width code)         => modules per side
#   (qr-dark? code x y)     => #t for a dark module, #f outside the code
#   (qr-free code)          => frees it; using it afterwards is an error
import seam
from seam import CPointer, c_function
from objects import SchemeError, Space, W_Int, W_Object, W_String, make_int, unspecified, w_bool, wrong_type

seam.c_library(sources=["../../cproject/qr_glue.c"], libraries=["qrencode"])


@c_function
def qr_encode(text: str) -> CPointer:
    raise NotImplementedError


@c_function
def qr_width(code: CPointer) -> int:
    raise NotImplementedError


@c_function
def qr_dark(code: CPointer, x: int, y: int) -> bool:
    raise NotImplementedError


@c_function
def qr_free(code: CPointer) -> None: ...


class W_QRCode(W_Object):
    handle: CPointer

    def __init__(self, handle: CPointer) -> None:
        self.handle = handle

    def write(self) -> str:
        return "#<qr-code freed>" if self.handle == CPointer(0) else "#<qr-code>"

    def type_name(self) -> str:
        return "qr-code"


def code_of(x: W_Object, who: str) -> CPointer:
    if not isinstance(x, W_QRCode):
        raise wrong_type(who, "qr-code", x)
    if x.handle == CPointer(0):
        raise SchemeError(who + ": the qr-code was freed:", [x])
    return x.handle


def int_of(x: W_Object, who: str) -> int:
    if not isinstance(x, W_Int):
        raise wrong_type(who, "integer", x)
    return x.value


def b_encode(x: W_Object) -> W_Object:
    if not isinstance(x, W_String):
        raise wrong_type("qr-encode", "string", x)
    if "\0" in x.value:
        raise SchemeError("qr-encode: string holds a NUL character:", [x])
    handle = qr_encode(x.value)
    if handle == CPointer(0):
        raise SchemeError("qr-encode: text too long for a QR code:", [x])
    return W_QRCode(handle)


def b_width(x: W_Object) -> W_Object:
    return make_int(qr_width(code_of(x, "qr-width")))


def b_dark(code: W_Object, x: W_Object, y: W_Object) -> W_Object:
    return w_bool(qr_dark(code_of(code, "qr-dark?"), int_of(x, "qr-dark?"), int_of(y, "qr-dark?")))


def b_free(x: W_Object) -> W_Object:
    handle = code_of(x, "qr-free")
    qr_free(handle)
    if isinstance(x, W_QRCode):
        x.handle = CPointer(0)
    return unspecified()


def init_module(space: Space) -> None:
    space.register1("qr-encode", b_encode)
    space.register1("qr-width", b_width)
    space.register3("qr-dark?", b_dark)
    space.register1("qr-free", b_free)
