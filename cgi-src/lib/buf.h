/* buf: a growable byte buffer; the whole response is rendered into one before it is sent. */
#ifndef ABERTA_BUF_H
#define ABERTA_BUF_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct buf {
	char  *p;   /* bytes, always NUL-terminated when p != NULL */
	size_t len; /* bytes used, not counting the NUL */
	size_t cap; /* bytes allocated */
	int    oom; /* set when an append could not allocate; the content is then incomplete */
};

/* Appends len bytes; on allocation failure sets b->oom and keeps the old content. */
void buf_put(struct buf *b, const char *s, size_t len);
/* Appends a NUL-terminated string (NULL appends nothing). */
void buf_puts(struct buf *b, const char *s);
/* Appends printf-style output; on failure sets b->oom. */
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties the buffer but keeps its memory for the next request. */
void buf_reset(struct buf *b);
/* Frees the memory; the buffer may be used again afterwards. */
void buf_free(struct buf *b);
/* Writes all of p[0..len) to the file descriptor fd (again after EINTR or a short
 * write); 0 when done, -1 on error. */
int buf_write_all(int fd, const char *p, size_t len);

#ifdef __cplusplus
}
#endif
#endif
