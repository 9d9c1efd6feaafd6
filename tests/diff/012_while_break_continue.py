# while repeats while its condition holds; break leaves the loop at once,
# continue skips to the next test of the condition.
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print('odd', i)
print('after loop i =', i)
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print('collatz steps:', steps)
while True:
    steps -= 100
    if steps < 0:
        break
print('steps now', steps)
