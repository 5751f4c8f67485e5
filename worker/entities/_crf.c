/* Viterbi decoding of a linear-chain CRF from attribute ids: the inner loop of Kazakh tagging.
 *
 * python-crfsuite spends most of a tag() call turning attribute strings into C++ strings
 * and looking them up in the model.  Here the caller passes attribute ids (rows of a dense
 * weight matrix it built once from the same model), and decoding follows crfsuite's
 * crf1d Viterbi: state scores summed attribute by attribute in the order given, raw
 * (log-domain) scores, ties to the lower label index, so the labels are the same.
 *
 * Built by worker/entities/compile.py; worker/entities/ner.py falls back to python-crfsuite
 * where it is not built.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <float.h>
#include <stdlib.h>
#include <string.h>

/* viterbi(state, transitions, n_labels, ids, starts) -> list of label indices
 *
 * state:       n_attributes x n_labels doubles (row a: the weight of attribute a per label)
 * transitions: n_labels x n_labels doubles (row i: from label i, column j: to label j)
 * ids:         attribute ids of every token, token after token (list of int)
 * starts:      n_tokens + 1 offsets into ids (list of int)
 */
static PyObject *viterbi(PyObject *self, PyObject *args) {
    Py_buffer state, trans;
    int n_labels;
    PyObject *ids, *starts;
    if (!PyArg_ParseTuple(args, "y*y*iO!O!", &state, &trans, &n_labels, &PyList_Type, &ids, &PyList_Type,
                          &starts)) {
        return NULL;
    }
    PyObject *result = NULL;
    double *score = NULL, *alpha = NULL;
    int *back = NULL;
    const Py_ssize_t L = n_labels;
    const Py_ssize_t T = PyList_GET_SIZE(starts) - 1;
    const Py_ssize_t n_attrs = L > 0 ? state.len / (Py_ssize_t)(sizeof(double) * L) : 0;
    const Py_ssize_t n_ids = PyList_GET_SIZE(ids);
    if (L <= 0 || trans.len != (Py_ssize_t)sizeof(double) * L * L || state.len % (sizeof(double) * L) != 0) {
        PyErr_SetString(PyExc_ValueError, "weights do not match the number of labels");
        goto done;
    }
    if (T <= 0) {
        result = PyList_New(0);
        goto done;
    }
    score = malloc(sizeof(double) * L);
    alpha = malloc(sizeof(double) * L * T);
    back = malloc(sizeof(int) * L * T);
    if (score == NULL || alpha == NULL || back == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    const double *W = (const double *)state.buf;
    const double *M = (const double *)trans.buf;
    Py_ssize_t prev_end = 0;
    for (Py_ssize_t t = 0; t < T; t++) {
        Py_ssize_t begin = PyLong_AsSsize_t(PyList_GET_ITEM(starts, t));
        Py_ssize_t end = PyLong_AsSsize_t(PyList_GET_ITEM(starts, t + 1));
        if (PyErr_Occurred()) goto done;
        if (begin != prev_end || end < begin || end > n_ids) {
            PyErr_SetString(PyExc_ValueError, "starts must rise from 0 to len(ids)");
            goto done;
        }
        prev_end = end;
        for (Py_ssize_t y = 0; y < L; y++) score[y] = 0.0;
        for (Py_ssize_t k = begin; k < end; k++) {
            Py_ssize_t a = PyLong_AsSsize_t(PyList_GET_ITEM(ids, k));
            if (a < 0 || a >= n_attrs) {
                if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "attribute id out of range");
                goto done;
            }
            const double *w = W + a * L;
            for (Py_ssize_t y = 0; y < L; y++) score[y] += w[y];
        }
        double *curr = alpha + t * L;
        if (t == 0) {
            memcpy(curr, score, sizeof(double) * L);
            continue;
        }
        const double *prev = alpha + (t - 1) * L;
        int *bk = back + t * L;
        /* from-label outermost, so that the inner loop runs along a row of M (vectorisable);
           a later i replaces the best only when strictly better, so ties go to the lower
           index, as in crfsuite */
        for (Py_ssize_t j = 0; j < L; j++) {
            curr[j] = -DBL_MAX;
            bk[j] = -1;
        }
        for (Py_ssize_t i = 0; i < L; i++) {
            const double p = prev[i];
            const double *row = M + i * L;
            const int from = (int)i;
            for (Py_ssize_t j = 0; j < L; j++) {
                const double s = p + row[j];
                const int better = curr[j] < s;
                curr[j] = better ? s : curr[j];
                bk[j] = better ? from : bk[j];
            }
        }
        for (Py_ssize_t j = 0; j < L; j++) curr[j] += score[j];
    }
    if (prev_end != n_ids) {
        PyErr_SetString(PyExc_ValueError, "starts must rise from 0 to len(ids)");
        goto done;
    }
    result = PyList_New(T);
    if (result == NULL) goto done;
    const double *last = alpha + (T - 1) * L;
    double best = -DBL_MAX;
    int label = 0;
    for (Py_ssize_t i = 0; i < L; i++) {
        if (best < last[i]) {
            best = last[i];
            label = (int)i;
        }
    }
    for (Py_ssize_t t = T - 1; t >= 0; t--) {
        PyObject *v = PyLong_FromLong(label);
        if (v == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, t, v);
        if (t > 0) {
            int from = back[t * L + label];
            label = from >= 0 ? from : 0;
        }
    }
done:
    free(score);
    free(alpha);
    free(back);
    PyBuffer_Release(&state);
    PyBuffer_Release(&trans);
    return result;
}

static PyMethodDef methods[] = {
    {"viterbi", viterbi, METH_VARARGS,
     "viterbi(state, transitions, n_labels, ids, starts) -> label indices of the best path"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_crf", "CRF Viterbi decoding from attribute ids.", -1,
                                    methods};

PyMODINIT_FUNC PyInit__crf(void) { return PyModule_Create(&module); }
