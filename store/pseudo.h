/*
 * pseudo - senders as pseudonyms. A 32-byte key in a file of its own (0600,
 * or 0640/0440 inside $CREDENTIALS_DIRECTORY), made by `sluis metrics
 * keygen`. The sender is stored as HMAC-SHA-256(key, "sender:" || lower-case
 * address), hex; its address sealed with AES-256-GCM under a key derived
 * from the same key (HMAC(key, "seal")), random 12-byte nonce, so an admin
 * can reveal who is behind a pseudonym, with a stated reason, on a machine
 * that has the key.
 */
#ifndef SLUIS_PSEUDO_H
#define SLUIS_PSEUDO_H

#include <stddef.h>

#include "../common/status.h"
#include "event.h"

#define PSEUDO_KEY_LEN    32
#define PSEUDO_SEALED_MAX (12 + 320 + 16)

struct pseudo_key {
    unsigned char k[PSEUDO_KEY_LEN];
};

/* pseudo_keygen - write a new key to path (0600; refuses an existing file) */
enum sl_status pseudo_keygen(const char *path, char *err, size_t errlen);
/* pseudo_load - read the key (checks its mode as above) */
enum sl_status pseudo_load(const char *path, struct pseudo_key *k, char *err, size_t errlen);
/* pseudo_sender - the hex hash of address (angle brackets allowed, any case) */
void pseudo_sender(const struct pseudo_key *k, const char *address, char out[EVENT_HASH_LEN + 1]);
/* pseudo_seal, pseudo_open - the address sealed, and back (SL_EINVAL when it
 * does not open under k) */
enum sl_status pseudo_seal(const struct pseudo_key *k, const char *address, unsigned char *out,
                           size_t outlen, size_t *len);
enum sl_status pseudo_open(const struct pseudo_key *k, const unsigned char *in, size_t len,
                           char *address, size_t addrlen);
/* pseudo_label - a pseudonym's label for one month and department: "dept-N"
 * style is the caller's; this gives the stable number: the rank (from 1) of
 * HMAC(key, "label:" month ":" dept ":" hash) among all of that month and
 * department (figures.c ranks them) - here just the value to sort by */
void pseudo_label_key(const struct pseudo_key *k, const char *month, const char *dept,
                      const char *hash, char out[EVENT_HASH_LEN + 1]);

#endif
