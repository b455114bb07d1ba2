/* passwords: the list of common passwords that staff may not choose. */
#ifndef ABERTA_PASSWORDS_H
#define ABERTA_PASSWORDS_H
#include <stddef.h>

/* Returns 1 if pw is on the list of common passwords (content/common-passwords.txt),
 * compared ignoring ASCII case, else 0. */
int password_is_common(const char *pw);

/* The list itself, generated at build time by content/embed-passwords.sh: lower case,
 * sorted as strcasecmp orders it, no duplicates. */
extern const char *const password_list[];
extern const size_t      password_list_count;

#endif
