# Dropping the head of a 200-node linked chain frees every node in turn:
# each __del__ runs before its node lets go of the next one.
class Node:
    def __init__(self, i, nxt):
        self.i = i
        self.next = nxt
    def __del__(self):
        print('free', self.i)
head = None
i = 0
while i < 200:
    head = Node(i, head)
    i += 1
print('head is node', head.i)
head = None
print('chain gone')
