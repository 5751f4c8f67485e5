/* The tokenizer of worker/entities/tokens.py, in C: the same tokens, offsets and sentences.
 *
 * tokens.py splits with the pattern
 *     \w+(?:[-'’.]\w+)*  |  \n  |  [^\w\s\u00ad\u200b-\u200f\u2060-\u2064\ufeff]
 * and finds each token's offset by searching forward.  This scans once instead, with the
 * character classes Python's re uses for str patterns (\w: alphanumeric or '_', \s:
 * Py_UNICODE_ISSPACE).  Built by worker/entities/compile.py; tokens.py runs its own code
 * where this is not built, and a test compares the two.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int is_word(Py_UCS4 ch) { return ch == '_' || Py_UNICODE_ISALNUM(ch); }

static int is_joiner(Py_UCS4 ch) { return ch == '-' || ch == '\'' || ch == 0x2019 || ch == '.'; }

static int is_invisible(Py_UCS4 ch) {
    return ch == 0x00ad || (ch >= 0x200b && ch <= 0x200f) || (ch >= 0x2060 && ch <= 0x2064) || ch == 0xfeff;
}

static int ends_sentence(Py_UCS4 ch) { return ch == '.' || ch == '!' || ch == '?' || ch == 0x2026; }

/* A Token (a tuple subclass: text, start, end) made as tuple.__new__(token_type, ...) makes it. */
static PyObject *make_token(PyTypeObject *token_type, PyObject *text, Py_ssize_t start, Py_ssize_t end) {
    PyObject *word = PyUnicode_Substring(text, start, end);
    if (word == NULL) return NULL;
    PyObject *s = PyLong_FromSsize_t(start);
    PyObject *e = PyLong_FromSsize_t(end);
    PyObject *tok = token_type->tp_alloc(token_type, 3);
    if (s == NULL || e == NULL || tok == NULL) {
        Py_DECREF(word);
        Py_XDECREF(s);
        Py_XDECREF(e);
        Py_XDECREF(tok);
        return NULL;
    }
    PyTuple_SET_ITEM(tok, 0, word);
    PyTuple_SET_ITEM(tok, 1, s);
    PyTuple_SET_ITEM(tok, 2, e);
    return tok;
}

/* Appends cur to out when it holds tokens, and starts a new cur. */
static int close_sentence(PyObject *out, PyObject **cur) {
    if (PyList_GET_SIZE(*cur) == 0) return 0;
    if (PyList_Append(out, *cur) < 0) return -1;
    Py_DECREF(*cur);
    *cur = PyList_New(0);
    return *cur == NULL ? -1 : 0;
}

/* sentences(text, pos, endpos, token_type) -> list of lists of tokens, as tokens.sentences */
static PyObject *sentences(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t pos, endpos;
    PyTypeObject *token_type;
    if (!PyArg_ParseTuple(args, "UnnO!", &text, &pos, &endpos, &PyType_Type, &token_type)) return NULL;
    if (!PyType_IsSubtype(token_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "token_type must be a tuple subclass");
        return NULL;
    }
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (pos < 0) pos = 0;
    if (endpos > n) endpos = n;
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    PyObject *cur = PyList_New(0);
    if (out == NULL || cur == NULL) goto fail;
    Py_ssize_t i = pos;
    while (i < endpos) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (is_word(ch)) {
            Py_ssize_t j = i + 1;
            while (j < endpos && is_word(PyUnicode_READ(kind, data, j))) j++;
            /* a joiner continues the word only when a word character follows it */
            while (j + 1 < endpos && is_joiner(PyUnicode_READ(kind, data, j)) &&
                   is_word(PyUnicode_READ(kind, data, j + 1))) {
                j += 2;
                while (j < endpos && is_word(PyUnicode_READ(kind, data, j))) j++;
            }
            PyObject *tok = make_token(token_type, text, i, j);
            if (tok == NULL) goto fail;
            int failed = PyList_Append(cur, tok);
            Py_DECREF(tok);
            if (failed < 0) goto fail;
            i = j;
        } else if (ch == '\n') {
            if (close_sentence(out, &cur) < 0) goto fail;
            i++;
        } else if (Py_UNICODE_ISSPACE(ch) || is_invisible(ch)) {
            i++;
        } else {
            PyObject *tok = make_token(token_type, text, i, i + 1);
            if (tok == NULL) goto fail;
            int failed = PyList_Append(cur, tok);
            Py_DECREF(tok);
            if (failed < 0) goto fail;
            if (ends_sentence(ch) && close_sentence(out, &cur) < 0) goto fail;
            i++;
        }
    }
    if (close_sentence(out, &cur) < 0) goto fail;
    Py_DECREF(cur);
    return out;
fail:
    Py_XDECREF(out);
    Py_XDECREF(cur);
    return NULL;
}

/* plain_chars(text, table) -> whether text has only characters whose entry in table (one byte per
 * code point from 0) has bit 1, and no character with bit 4 (a capital) straight after one with bit 2
 * (a lower-case letter).  Code points past the table's end fail.  extract.py builds the table from
 * its own patterns, so that this answers as they do, in one scan instead of two regex searches. */
static PyObject *plain_chars(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_buffer table;
    if (!PyArg_ParseTuple(args, "Uy*", &text, &table)) return NULL;
    const unsigned char *flags = (const unsigned char *)table.buf;
    const Py_ssize_t known = table.len;
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int plain = 1;
    int after_lower = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        const Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if ((Py_ssize_t)ch >= known) {
            plain = 0;
            break;
        }
        const unsigned char f = flags[ch];
        if (!(f & 1) || (after_lower && (f & 4))) {
            plain = 0;
            break;
        }
        after_lower = f & 2;
    }
    PyBuffer_Release(&table);
    return PyBool_FromLong(plain);
}

static PyMethodDef methods[] = {
    {"sentences", sentences, METH_VARARGS,
     "sentences(text, pos, endpos, token_type) -> tokens grouped into sentences (see tokens.py)"},
    {"plain_chars", plain_chars, METH_VARARGS,
     "plain_chars(text, table) -> no odd character and no capital after a lower-case letter (see extract.py)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_tokens", "The entity tokenizer in C.", -1, methods};

PyMODINIT_FUNC PyInit__tokens(void) { return PyModule_Create(&module); }
