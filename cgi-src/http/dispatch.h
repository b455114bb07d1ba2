/* dispatch: one request in, one complete response out. */
#ifndef ABERTA_DISPATCH_H
#define ABERTA_DISPATCH_H
#include "lib/buf.h"
#include "http/req.h"

struct sqlite3;

/* Handles one request whose variables come from get(name, arg) and writes the exact
 * response bytes (CGI/FastCGI header block and body) into out.  Never fails: errors
 * become error pages.  Returns the HTTP status sent. */
int dispatch(req_getter get, req_reader read, void *arg, struct buf *out);
/* Hands over the writable connection that admin routes receive after their checks. */
void dispatch_set_rw(struct sqlite3 *rw);

#endif
