/*
 * tpl: the C face of Google ctemplate.  All HTML comes from templates that start with
 * the AUTOESCAPE pragma; C code only hands over raw values, ctemplate escapes them.
 */
#ifndef ABERTA_TPL_H
#define ABERTA_TPL_H
#include <stddef.h>
#include "lib/buf.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tpl_dict tpl_dict;

/* Loads and parses every *.tpl file in dir, and checks that each starts with the
 * AUTOESCAPE pragma.  Returns 0, or -1 with a message in err (the worker must not start). */
int tpl_init(const char *dir, char *err, size_t errlen);
/* Returns 1 if the file's first line is an AUTOESCAPE pragma, 0 if not, -1 if unreadable. */
int tpl_has_pragma(const char *path);
/* A new top-level dictionary; NULL on allocation failure.  Free with tpl_dict_free. */
tpl_dict *tpl_dict_new(void);
void      tpl_dict_free(tpl_dict *d);
/* Sets a variable to a raw (unescaped) value; NULL sets the empty string. */
void tpl_set(tpl_dict *d, const char *key, const char *val);
/* Sets a variable to the first len bytes of val. */
void tpl_set_n(tpl_dict *d, const char *key, const char *val, size_t len);
void tpl_set_int(tpl_dict *d, const char *key, long long v);
/* Sets a value seen by every template of this process (used for the interface strings
 * of the current language; a worker is single-threaded). */
void tpl_set_global(const char *key, const char *val);
/* Like tpl_set_tglobal for a string that lives as long as the program (a literal):
 * nothing is copied. */
void tpl_set_tglobal_static(tpl_dict *d, const char *key, const char *val);
/* Sets a value seen by d and all its sections and included templates. */
void tpl_set_tglobal(tpl_dict *d, const char *key, const char *val);
/* Shows a section once, with the values of the enclosing dictionary. */
void tpl_show(tpl_dict *d, const char *section);
/* Adds one repetition of a section and returns its dictionary (owned by d). */
tpl_dict *tpl_section(tpl_dict *d, const char *section);
/* Fills {{>name}} with the template file; returns its dictionary (owned by d). */
tpl_dict *tpl_include(tpl_dict *d, const char *name, const char *file);
/* Expands file with d and appends the output to out.  Returns 0, or -1 when the
 * template is unknown or expansion failed (out may then hold partial output: discard it). */
int tpl_render(const char *file, const tpl_dict *d, struct buf *out);

#ifdef __cplusplus
}
#endif
#endif
