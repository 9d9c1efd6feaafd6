/*
 * weakrefobject.c: weak references (Objects/weakrefobject.c): making
 * weakref.ref(obj[, callback]) with the list order CPython keeps (the
 * basic reference, without callback, first and shared), and clearing
 * an object's references when it dies (PyObject_ClearWeakRefs), which
 * calls the callbacks.
 */
#include <config.h>

#include "py/vmint.h"

/* weakref.ref(obj[, callback]) (weakref___new__). */
Handle
weakref_new(Vm *vm, const Handle *args, uint32_t nargs)
{
    Handle obj = args[0];
    Handle cb = nargs == 2 && TYPE(args[1]) != T_NONE ? args[1] : NULL_HANDLE;
    if (m_weaklist(M, obj) == NULL) {
        vm_raise(vm, EXC_TypeError, "cannot create weak reference to '%s' object",
                 type_name(vm, obj));
        return NULL_HANDLE;
    }
    Handle head = *m_weaklist(M, obj);
    /* The basic ref (no callback) heads the list and is shared. */
    Handle basic = NULL_HANDLE;
    if (head != NULL_HANDLE && m_obj(M, head)->u.wr.callback == NULL_HANDLE) {
        basic = head;
    }
    if (cb == NULL_HANDLE && basic != NULL_HANDLE) {
        m_incref(M, basic);
        return basic;
    }
    /* A new basic ref heads the list (insert_head); one with a callback
     * goes after the basic ref, if any (insert_after). */
    return m_weakref_new(M, obj, cb == NULL_HANDLE ? NULL_HANDLE : basic, cb);
}

/* handle_callback: call cb(ref); an exception it raises is reported as
 * unraisable and dropped with its frames. */
static void
call_weakref_callback(Vm *vm, Handle ref, Handle cb)
{
    uint32_t depth = M->nframes, saved = vm->catch_depth;

    vm->catch_depth = depth;
    Handle r = vm_call(vm, cb, NULL_HANDLE, &ref, 1);
    vm->catch_depth = saved;
    if (r == NULL_HANDLE) {
        while (M->nframes > depth) {
            m_frame_pop(M);
        }
        StrBuf sb;
        sb_init(&sb);
        op_repr(vm, cb, &sb);
        unraisable(vm, sb.s);
        sb_done(&sb);
    } else {
        m_decref(M, r);
    }
}

/* PyObject_ClearWeakRefs: one reference is cleared and its callback
 * called at once; several are cleared first into a tuple of (ref,
 * callback) pairs, then the callbacks are called in list order. */
static void
clear_weakrefs_hook(void *ctx, Machine *m, Handle obj)
{
    Vm *vm = ctx;
    uint32_t count = 0;

    for (Handle w = *m_weaklist(m, obj); w != NULL_HANDLE; w = m_obj(m, w)->u.wr.next) {
        count++;
    }
    if (count == 1) {
        Handle w = *m_weaklist(m, obj);
        Handle cb = m_weakref_clear(m, w);
        if (cb != NULL_HANDLE) {
            if (m_obj(m, w)->refcnt > 0) {
                call_weakref_callback(vm, w, cb);
            }
            m_decref(m, cb);
        }
        return;
    }
    Handle tuple = m_tuple_new(m, count * 2);
    Handle w = *m_weaklist(m, obj);
    for (uint32_t i = 0; i < count; i++) {
        Handle next = m_obj(m, w)->u.wr.next;
        Handle cb = m_weakref_clear(m, w);
        if (m_obj(m, w)->refcnt > 0) {
            m_incref(m, w);
            m_store(m, tuple, i * 2, w);
            if (cb != NULL_HANDLE) {
                m_store(m, tuple, i * 2 + 1, cb);
            }
        } else if (cb != NULL_HANDLE) {
            m_decref(m, cb);
        }
        w = next;
    }
    for (uint32_t i = 0; i < count; i++) {
        Handle cb = m_obj(m, tuple)->u.t.items[i * 2 + 1];
        if (cb != NULL_HANDLE) {
            call_weakref_callback(vm, m_obj(m, tuple)->u.t.items[i * 2], cb);
        }
    }
    m_decref(m, tuple);
}

/* The collector's handle_weakrefs calls the callbacks of references to
 * garbage through this. */
static void
gc_weakref_callback(void *ctx, Machine *m, Handle wr, Handle cb)
{
    (void)m;
    call_weakref_callback(ctx, wr, cb);
}

void
weakref_hooks(MachineHooks *hooks)
{
    hooks->clear_weakrefs = clear_weakrefs_hook;
    hooks->weakref_callback = gc_weakref_callback;
}
