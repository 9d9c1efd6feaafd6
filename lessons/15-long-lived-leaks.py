#: title: Leaks through long-lived containers
#: summary: A global registry, a cache, a default argument or a stored bound method can keep objects alive long after the program has finished with them; neither reference counting nor the collector can free what is still reachable.
#: level: 3
#: prerequisites: 14-untracking
#:
#: Reference counting frees what nothing refers to, and the cycle collector
#: frees what nothing outside a cycle refers to. Neither can free an object
#: that is still reachable. So a common leak in a Python program is not a
#: cycle at all: it is a container that lives as long as the program, a
#: global list, a cache, a registry, to which objects are added and from which
#: they are never removed. Everything it holds stays on the heap, however
#: unused.
#:
#: This lesson shows four such containers, and how each one lets go. Its
#: Document objects print a line when they are freed.
import gc

gc.collect()
gc.disable()


class Document:
    def __init__(self, title):
        self.title = title
        self.words = []

    def on_save(self):
        print("saved", self.title)

    def __del__(self):
        print("freed", self.title)


#: A global registry of every document ever opened, kept "for statistics".
opened = []


def open_document(title):
    doc = Document(title)
    opened.append(doc)
    return doc


#: The program opens a document, uses it and drops it, three times. Nothing
#: is printed: every document is still referred to by the registry.
for name in ["draft", "letter", "notes"]:
    doc = open_document(name)
    doc.words.append(name)
#@ label notes_doc = doc
del doc
#@ expect alive(notes_doc)
#@ expect refcount(notes_doc) == 1
#@ expect len(opened) == 3
#@ ask "How many references does the notes document have now?" = refcount(notes_doc) because "The name doc is gone; the registry's slot is the only reference left, and it is enough to keep the document alive."
print(len(opened), "documents still alive")    #@ pause
#: The collector cannot help: nothing here is unreachable.
print("collected", gc.collect())
#: Only removing them from the registry frees them: a list drops its
#: references from its last slot to its first.
#@ step event
opened.clear()
#@ step line
#@ expect not alive(notes_doc)
print("registry cleared")


#: A default argument value is made once, when def runs, and kept by the
#: function object for as long as the function exists. A mutable default
#: is a long-lived container in disguise.
def remember(item, seen=[]):
    seen.append(item)
    #@ label history = seen
    return seen


#: Each call appends to the same list, which outlives every call: both
#: calls return the one default list.
first = remember(Document("one"))
second = remember(Document("two"))
#@ expect same(first, second)
#@ expect len(history) == 2
print(first is second, len(second))
#: Our names are not what keeps the list alive: the function holds it as
#: its default, and will hold it until the function itself goes.
del first
#@ expect alive(history)
#: The usual cure is a default of None, with a new list made inside the
#: call. Here we empty the hidden list to let its documents go.
second.clear()
del second
#@ expect alive(history)
#@ expect len(history) == 0
#: A bound method refers to its object: storing doc.on_save in a long-lived
#: list of listeners keeps the whole document alive.
listeners = []
doc = Document("report")
listeners.append(doc.on_save)
#@ expect refcount(doc) == 2
#@ label report_doc = doc
#@ ask "How many references does the report document have?" = refcount(doc) because "The name doc, and the bound method doc.on_save stored in listeners, which refers to the document it is bound to."
#: Dropping the name does not free the document: the method still holds it.
del doc
#@ expect alive(report_doc)
#: Calling the stored listeners still works, on a document that the program
#: itself has forgotten.
for callback in listeners:
    callback()
#: Unregistering the listener (and dropping the loop variable, which also
#: refers to the method) frees the method, and with it the document.
del callback
listeners.clear()
#@ expect not alive(report_doc)
#: A cache with a limit: it keeps the three most recent documents and drops
#: the oldest as a new one comes. Memory stays bounded however long the
#: program runs.
recent = []
for name in ["a", "b", "c", "d", "e"]:
    recent.append(Document(name))
    if len(recent) > 3:
        recent.pop(0)
#@ expect len(recent) == 3
print(len(recent), "documents in the cache")
recent.clear()
print("done")
gc.enable()
