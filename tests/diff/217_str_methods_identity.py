# Some str, tuple and int operations return the very same object when
# nothing changes; others always build a new one.
import sys
s = 'hello world'
print(s.strip() is s, s.replace('zz', 'y') is s, str(s) is s, s + '' is s, '' + s is s)
print(s * 1 is s, ''.join([s]) is s, ' '.join([s]) is s, s.upper().lower() is s)
print(sys.getrefcount(s))
keep = [s.strip(), s.replace('q', 'r'), str(s), s * 1]
print(sys.getrefcount(s))
t = (1, [2])
print(t + () is t, () + t is t, t * 1 is t, tuple(t) is t, t * 2 is t)
lst = [1, 2]
print(lst * 1 is lst, list(lst) is lst, lst + [] is lst, lst.copy() is lst)
big = 10 ** 30
print(int(big) is big, abs(big) is big, -(-big) is big, max(big, 1) is big, sum([big]) is big)
print(sys.getrefcount(big), sys.getrefcount(t))
