# Automatic collections triggered while classes are being created: the
# temporaries of a class statement count toward generation 0's
# threshold, so the collection runs in the middle of one.
import gc
gc.collect()
gc.set_threshold(5, 10, 10)


class Tracer:
    def __del__(self):
        print("freed", self.name)


for i in range(6):
    t = Tracer()
    t.name = str(i)
    t.me = t
    del t

    class K:
        pass
    print(i, gc.get_count())
print(gc.collect())
