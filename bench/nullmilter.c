/*
 * nullmilter - the baseline for the milter benchmarks: a libmilter milter
 * that registers the same callbacks as sluis-milter and does nothing in
 * them, so the MTA or load client sends it the same protocol steps.
 *
 *   nullmilter SOCKET        (unix:/path or inet:port@host; SIGTERM stops it)
 */
#include <libmilter/mfapi.h>
#include <stdio.h>
#include <string.h>

static sfsistat cont_connect(SMFICTX *c, char *h, _SOCK_ADDR *a)
{
    (void)c;
    (void)h;
    (void)a;
    return SMFIS_CONTINUE;
}

static sfsistat cont_argv(SMFICTX *c, char **argv)
{
    (void)c;
    (void)argv;
    return SMFIS_CONTINUE;
}

static sfsistat cont_header(SMFICTX *c, char *n, char *v)
{
    (void)c;
    (void)n;
    (void)v;
    return SMFIS_CONTINUE;
}

static sfsistat cont(SMFICTX *c)
{
    (void)c;
    return SMFIS_CONTINUE;
}

static sfsistat cont_body(SMFICTX *c, unsigned char *d, size_t n)
{
    (void)c;
    (void)d;
    (void)n;
    return SMFIS_CONTINUE;
}

static sfsistat accept_eom(SMFICTX *c)
{
    (void)c;
    return SMFIS_ACCEPT;
}

static struct smfiDesc desc = {
    "null",       SMFI_VERSION, SMFIF_ADDHDRS | SMFIF_QUARANTINE,
    cont_connect, NULL,         cont_argv,
    cont_argv,    cont_header,  cont,
    cont_body,    accept_eom,   cont,
    cont,         NULL,         NULL,
    NULL,
};

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: nullmilter SOCKET\n");
        return 2;
    }
    if (smfi_setconn(argv[1]) != MI_SUCCESS || smfi_register(desc) != MI_SUCCESS ||
        smfi_opensocket(1) != MI_SUCCESS) {
        fprintf(stderr, "nullmilter: cannot listen on %s\n", argv[1]);
        return 1;
    }
    return smfi_main() == MI_SUCCESS ? 0 : 1;
}
