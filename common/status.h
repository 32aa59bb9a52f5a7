/*
 * status - the status codes every sluis module returns.
 *
 * 0 is success. Details of a failure go into a caller-supplied
 * (char *err, size_t errlen) buffer; a status never carries data.
 */
#ifndef SLUIS_STATUS_H
#define SLUIS_STATUS_H

enum sl_status {
    SL_OK = 0,
    SL_ENOMEM, /* an allocation failed */
    SL_EIO,    /* reading or writing a file failed */
    SL_EPARSE, /* a config or rule file is malformed */
    SL_EINVAL, /* an argument is out of range */
    SL_ELIMIT, /* a configured limit was reached */
    SL_ENOENT, /* what was asked for is not there */
};

/* sl_status_str - a short English description of a status; never NULL */
const char *sl_status_str(enum sl_status st);

#endif
