/*
 * mime - small GMime pieces the portal's view (view.c), its replies
 * (reply.c) and its code mails (otp.c) share. Internal to portal/: it
 * names GMime types, which the modules' own headers keep out.
 */
#ifndef SLUIS_PORTAL_MIME_H
#define SLUIS_PORTAL_MIME_H

#include <gmime/gmime.h>
#include <stdbool.h>

#include "../common/buf.h"
#include "../common/status.h"

/* mime_msgid_ok - a message id fit to repeat in a header: printable ASCII
 * without space or angle brackets, with an '@', at most 250 bytes */
bool mime_msgid_ok(const char *id);

/* mime_write - append o as written with CRLF line ends to out; SL_ENOMEM
 * when nothing came out */
enum sl_status mime_write(GMimeObject *o, struct buf *out);

#endif
