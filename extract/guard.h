/*
 * guard - what the raw bytes of a message declare, counted before GMime
 * parses them: GMime's parser recurses per multipart and per nested
 * message, and its address parser per group, so a hostile message could
 * overflow the stack. The extraction (extract.c) and the portal's view of
 * a message (portal/view.c) both look here first and read a message past
 * these counts as raw text instead.
 */
#ifndef SLUIS_GUARD_H
#define SLUIS_GUARD_H

#include <stddef.h>

/* guard_nesting - how many multipart or message/ content types the raw
 * bytes declare (a Content-Type header starting a line anywhere): an upper
 * bound on what GMime's parser will recurse into */
unsigned guard_nesting(const char *data, size_t len);

/* guard_address_colons - the most colons in the value of any address
 * header (From, To, Cc, Bcc, Reply-To, Sender, Resent-*, ..., with their
 * folded lines) that starts a line anywhere in data: nested messages are
 * parsed with the rest */
size_t guard_address_colons(const char *data, size_t len);

#endif
