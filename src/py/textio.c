/*
 * textio.c: sys.stdout as print uses it (Modules/_io/textio.c and
 * PyFile_WriteObject): the text is encoded as sys.stdout encodes it,
 * written out, and kept pending as TextIOWrapper buffers it, with the
 * allocations that buffering makes.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/unicode.h"
#include "core/xalloc.h"
#include "py/vmint.h"

/* A bytes object's size without its text (PyBytesObject: the header,
 * the hash and the terminating NUL): the pending chunks are bytes. */
#define BYTES_NBYTES 33

/* sys.stdout's TextIOWrapper object; only its size shows. */
#define TEXTIO_NBYTES (16 + 200)

void
textio_init(Vm *vm)
{
    /* A placeholder object the write methods bind to. */
    vm->stdout_obj = m_builtin_static(M, T_TYPE, TEXTIO_NBYTES, T_NONE);
}

static int
write_text(Vm *vm, const char *s, size_t n)
{
    m_write(M, s, n);
    if (vm->out != NULL) {
        fwrite(s, 1, n, vm->out);
    }
    return 0;
}

/*
 * TextIOWrapper.write as sys.stdout does it (Modules/_io/textio.c): the
 * encoded chunk is kept pending; a second pending chunk turns the
 * pending slot into a list, later chunks are appended; at 8192 pending
 * bytes the chunks are flushed and released.
 */
#define STDOUT_CHUNK_SIZE 8192

static void
stdout_pend(Vm *vm, const char *text, size_t n)
{
    /* The encoded bytes, as a non-GC object of the same text. */
    ObjPayload body = {.s = {xstrndup(text, n), (uint32_t)utf8_length(text, n), (uint32_t)n,
                             0, 0}};
    Handle b = m_alloc_init(M, T_STR, BYTES_NBYTES + n, &body);
    if (M->io_pending == NULL_HANDLE) {
        vm->pending_bytes = n;
        m_io_pending(M, b, vm->pending_bytes);
    } else if (TYPE(M->io_pending) != T_LIST) {
        Handle l = m_list_new(M, 2);
        m_store(M, l, 0, M->io_pending);
        m_store(M, l, 1, b);
        vm->pending_bytes += n;
        m_io_pending(M, l, vm->pending_bytes);
    } else {
        m_list_append(M, M->io_pending, b);
        vm->pending_bytes += n;
    }
    int lf = memchr(text, '\n', n) != NULL || memchr(text, '\r', n) != NULL;
    if (vm->pending_bytes >= STDOUT_CHUNK_SIZE || vm->stdout_write_through
        || (vm->stdout_line_buffering && lf)) {
        vm->pending_bytes = 0;
        m_decref(M, m_io_pending(M, NULL_HANDLE, 0));
    }
}

/*
 * sys.stdout's encoding of text: UTF-8 with the "surrogateescape" error
 * handler, which python3 3.11 uses for its standard streams under the C
 * and POSIX locales and in UTF-8 mode (sys.stdout.errors): U+DC80..U+DCFF
 * become the bytes 0x80..0xFF; any other surrogate raises
 * UnicodeEncodeError, naming the run of surrogates from the first one
 * the handler cannot take (unicode_encode_utf8).  Writes the bytes to
 * out; -1 with the exception raised.
 */
static int
encode_stdout(Vm *vm, const char *s, size_t n, StrBuf *out)
{
    size_t i = 0, pos = 0;
    uint32_t cp;

    while (i < n) {
        size_t at = i;
        str_decode(s, n, &i, &cp);
        if (cp < 0xD800 || cp > 0xDFFF) {
            sb_put(out, s + at, i - at);
            pos++;
            continue;
        }
        /* A run of surrogates: escape what can be, from the front. */
        size_t start = pos, end = pos + 1, j = i;
        int escaping = cp >= 0xDC80 && cp <= 0xDCFF;
        uint32_t bad = escaping ? 0 : cp;
        if (escaping) {
            sb_putc(out, (char)(cp & 0xFF));
            start++;
        }
        while (j < n) {
            size_t k = j;
            uint32_t c;
            str_decode(s, n, &k, &c);
            if (c < 0xD800 || c > 0xDFFF) {
                break;
            }
            if (escaping && c >= 0xDC80 && c <= 0xDCFF) {
                sb_putc(out, (char)(c & 0xFF));
                start++;
            } else if (escaping) {
                escaping = 0;
                bad = c;
            }
            j = k;
            end++;
        }
        if (!escaping) {
            if (end - start == 1) {
                vm_raise(vm, EXC_UnicodeEncodeError, "'utf-8' codec can't encode character "
                         "'\\u%04x' in position %zu: surrogates not allowed", (unsigned)bad, start);
            } else {
                vm_raise(vm, EXC_UnicodeEncodeError, "'utf-8' codec can't encode characters in "
                         "position %zu-%zu: surrogates not allowed", start, end - 1);
            }
            return -1;
        }
        i = j;
        pos = end;
    }
    return 0;
}

/* PyFile_WriteObject(v, sys.stdout, Py_PRINT_RAW): a bound write method
 * is made and dropped around the call; str(v) is a temporary. */
static int
stdout_write(Vm *vm, Handle v)
{
    Handle writer = m_alloc(M, T_BUILTIN, TYPE_NBYTES(T_BUILTIN));
    m_incref(M, vm->stdout_obj);
    m_store(M, writer, 0, vm->stdout_obj);
    m_track(M, writer);
    Handle text;
    if (TYPE(v) == T_STR) {
        m_incref(M, v);
        text = v;
    } else {
        text = op_str_object(vm, v);
        if (text == NULL_HANDLE) {
            m_decref(M, writer);
            return -1;
        }
    }
    const Object *t = m_obj(M, text);
    StrBuf bytes;
    sb_init(&bytes);
    if (encode_stdout(vm, t->u.s.utf8, t->u.s.nbytes, &bytes) < 0) {
        sb_done(&bytes);
        m_decref(M, text);
        m_decref(M, writer);
        return -1;
    }
    write_text(vm, bytes.s, bytes.len);
    sb_done(&bytes);
    stdout_pend(vm, m_obj(M, text)->u.s.utf8, m_obj(M, text)->u.s.nbytes);
    Handle result = m_int(M, m_obj(M, text)->u.s.len);
    m_decref(M, text);
    m_decref(M, writer);
    m_decref(M, result);
    return 0;
}

/* print(*args): each argument, separated by spaces, then a newline. */
Handle
textio_print(Vm *vm, const Handle *args, uint32_t nargs)
{
    if (!vm->printed) {
        /* The first write to sys.stdout leaves one more GC object alive
         * in CPython 3.11 (measured: the first print after start-up
         * raises gen0's count by one more than later ones do). */
        vm->printed = 1;
        m_root_add(M, m_dict_new(M));
        m_track(M, M->roots[M->nroots - 1]);
    }
    for (uint32_t i = 0; i < nargs; i++) {
        if (i > 0 && stdout_write(vm, M->latin1[' ']) < 0) {
            return NULL_HANDLE;
        }
        if (stdout_write(vm, args[i]) < 0) {
            return NULL_HANDLE;
        }
    }
    if (stdout_write(vm, M->latin1['\n']) < 0) {
        return NULL_HANDLE;
    }
    return m_none(M);
}
