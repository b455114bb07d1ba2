/* gate: who may reach a route, checked before its handler runs (the route's cap). */
#ifndef ABERTA_GATE_H
#define ABERTA_GATE_H

#include "http/routes.h"

/* Refuses a request whose origin is not this site: a cross-site Sec-Fetch-Site, or an
 * Origin that is not the Host.  Returns 1 when the request may go on. */
int gate_same_origin(const struct ctx *c);
/* The checks of an admin route rt: session, second factor, role, then (for POST) the
 * anti-CSRF token and the origin.  c->rw must be the writable connection; the staff
 * member of the session is read into me, and c->me points at it.  Returns 0 when the
 * handler may run, or the status of the answer already prepared (303 to the login
 * page) or to prepare (400, 403 with c->error; 503: the database failed). */
int gate_admin(struct ctx *c, const struct route *rt, struct staff *me);

#endif
