class D:
    def __del__(self):
        print("del runs")
        1 // 0
d = D()
d = None
print("after")
