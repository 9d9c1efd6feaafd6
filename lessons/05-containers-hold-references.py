#: title: Containers hold references
#: summary: Lists, tuples and dicts hold references to other objects, and freeing a container releases them in a cascade, in an order of its own.
#: level: 1
#: prerequisites: 04-del-and-scope
#:
#: A list, a tuple or a dict does not contain its elements the way a box
#: contains things. Each slot holds a reference to an object that lives on its
#: own on the heap, and each of these references counts. Two containers can
#: refer to the same object, and one container can refer to the same object
#: many times.
#:
#: When a container is freed, it drops the references it holds, one by one.
#: Any element whose count reaches zero is freed in turn, and drops its own
#: references: a cascade. The lesson's Noisy objects print their names as they
#: are freed, so you can see the order.
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


#: [row] * 3 does not copy row three times: it makes a list of three
#: references to the one list row.
row = [0, 0]
grid = [row] * 3
#@ expect refcount(row) == 4
#@ ask "How many references does the list row have now?" = refcount(row) because "The name row and the three slots of grid: [row] * 3 copies the reference three times, not the list."
print(sys.getrefcount(row))
#: That is why a change made through one slot shows in every "row" of grid.
grid[0][0] = 5
print(grid)
#: Three objects, each referred to by one slot of team.
team = [Noisy("ann"), Noisy("bob"), Noisy("cy")]
#: A second list referring to the same three objects: list() copies the
#: references, not the objects (a shallow copy).
backup = list(team)
#@ expect not same(backup, team)
print(backup[0] is team[0])
#: Freeing team frees nothing else: each Noisy object still has its reference
#: from backup.
del team
print("team is gone")
#: Now the last references go. A list drops its references from the last
#: slot to the first, so the objects are freed in reverse order: cy, bob, ann.
#@ step event
del backup    #@ pause
#@ step line
#: A tuple holds references just like a list, and also drops them from the
#: last to the first.
pair = (Noisy("left"), Noisy("right"))
del pair
#: A dict holds a reference to each key and to each value. When it is freed
#: it drops them entry by entry, in insertion order.
roles = {"lead": Noisy("lead"), "dev": Noisy("dev")}
del roles
#: Containers nest. outer refers to an inner list, which refers to two more
#: objects.
inner = [Noisy("y1"), Noisy("y2")]
outer = [Noisy("x"), inner, Noisy("z")]
#@ label outer_list = outer
#@ label inner_list = inner
#@ expect refcount(inner) == 2
#: Deleting the name inner only drops one of the inner list's two
#: references. outer still holds it.
del inner
#@ expect alive(inner_list)
#: The cascade: outer drops z, then its reference to the inner list, whose
#: count reaches zero, so the inner list is freed and drops y2 and y1; only
#: then does outer go on to x. Step through it one event at a time.
#@ step event
del outer    #@ pause
#@ step line
#@ expect not alive(outer_list)
#@ expect not alive(inner_list)
#@ ask "How many lines did del outer print?" = 4 because "Four Noisy objects were freed: z, y2, y1 and x. The two lists went too, but lists print nothing."
print("done")
