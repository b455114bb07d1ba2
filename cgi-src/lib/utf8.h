/* utf8: the one UTF-8 decoder.  valid_utf8 (lib/valid.h) reads a whole text through it,
 * and the code that needs the characters themselves (an upload's display name, the
 * words of a search) decodes them with it. */
#ifndef ABERTA_UTF8_H
#define ABERTA_UTF8_H
#include <stddef.h>

/* Decodes the character at s, of which n bytes are left, into *cp.  Returns its length
 * in bytes (1 to 4), or 0 when n is 0 or the bytes there are not a well-formed
 * character: NUL, a stray continuation byte, a truncated sequence, an overlong form, a
 * surrogate or a code point above U+10FFFF (*cp is then unspecified). */
size_t utf8_decode(const char *s, size_t n, unsigned long *cp);
/* The characters (not bytes) of the n bytes of UTF-8 at s: the bytes that do not
 * continue a character.  It does not check the text (valid_utf8 does). */
size_t utf8_chars(const char *s, size_t n);

#endif
