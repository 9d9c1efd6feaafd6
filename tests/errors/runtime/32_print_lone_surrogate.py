# sys.stdout's surrogateescape writes U+DC80..U+DCFF as the bytes
# 0x80..0xFF and cannot encode any other lone surrogate: what was printed
# before stays, the string with it is not written.
print("before")
print("escaped: \udc80\udcff")
print("ok", "x\ud800y")
print("never")
