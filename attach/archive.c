/*
 * archive - zip members through libzip, gzip through zlib.
 *
 * The only file that sees libzip or zlib. libzip reads the central
 * directory, which gives each member's compressed size and encryption
 * method before a byte is inflated; that is why it was chosen over a
 * streaming reader. Protections, all counted in the doc_read shared by
 * nested archives: archive depth, number of members, decompressed bytes of
 * the whole attachment (absolute), and per member the ratio of inflated to
 * compressed bytes (zip bombs) once past 1 MiB. A limit reached is a note;
 * what was inflated up to it is still read. Encrypted members are notes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>
#include <zlib.h>

#include "docread.h"

#define CHUNK       (64 * 1024)
#define RATIO_FLOOR (1024 * 1024) /* below this, any ratio is fine */

struct archive_zip {
    struct doc_read *r;
    zip_t *za;
    const char *where;
    long n;
};

/* inflated - bookkeeping for one member being inflated */
struct inflated {
    char *data;
    size_t len, cap;
    uint64_t compressed;
    const char *rule; /* the limit that stopped it, or NULL */
};

/* inflated_room - how many more bytes this member may add, or 0 with
 * rule set when a limit is reached */
static size_t inflated_room(struct doc_read *r, struct inflated *m)
{
    uint64_t budget = r->lim->max_expanded_bytes;
    if (r->expanded >= budget) {
        m->rule = "unscannable.expanded-size-limit";
        return 0;
    }
    uint64_t room = budget - r->expanded;
    uint64_t ratio_cap = (uint64_t)r->lim->max_ratio * (m->compressed ? m->compressed : 1);
    if (ratio_cap < RATIO_FLOOR)
        ratio_cap = RATIO_FLOOR;
    if (m->len >= ratio_cap) {
        m->rule = "unscannable.ratio-limit";
        return 0;
    }
    if (ratio_cap - m->len < room)
        room = ratio_cap - m->len;
    return room < CHUNK ? (size_t)room : CHUNK;
}

/* inflated_grow - make room for n more bytes (and a NUL) */
static bool inflated_grow(struct inflated *m, size_t n)
{
    if (m->len + n + 1 <= m->cap)
        return true;
    size_t cap = m->cap ? m->cap : CHUNK;
    while (cap < m->len + n + 1)
        cap *= 2;
    char *p = realloc(m->data, cap);
    if (p == NULL)
        return false;
    m->data = p;
    m->cap = cap;
    return true;
}

static void member_where(char *out, size_t outlen, const char *where, const char *name)
{
    snprintf(out, outlen, "%s>%s", where, name);
}

enum sl_status archive_zip_open(struct doc_read *r, const char *data, size_t len, const char *where,
                                struct archive_zip **out)
{
    zip_error_t ze;
    *out = NULL;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    if (src == NULL) {
        zip_error_fini(&ze);
        return SL_ENOMEM;
    }
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    int code = zip_error_code_zip(&ze);
    zip_error_fini(&ze);
    if (za == NULL) {
        zip_source_free(src);
        if (code == ZIP_ER_MEMORY)
            return SL_ENOMEM;
        return doc_read_note(r, "unscannable.malformed", where);
    }
    struct archive_zip *z = calloc(1, sizeof *z);
    if (z == NULL) {
        zip_discard(za);
        return SL_ENOMEM;
    }
    z->r = r;
    z->za = za;
    z->where = where;
    zip_int64_t n = zip_get_num_entries(za, 0);
    z->n = n < 0 ? 0 : (long)n;
    *out = z;
    return SL_OK;
}

long archive_zip_count(struct archive_zip *z)
{
    return z->n;
}

const char *archive_zip_name(struct archive_zip *z, long i)
{
    const char *name = zip_get_name(z->za, (zip_uint64_t)i, ZIP_FL_ENC_GUESS);
    return name ? name : "";
}

long archive_zip_find(struct archive_zip *z, const char *path)
{
    zip_int64_t i = zip_name_locate(z->za, path, ZIP_FL_NOCASE | ZIP_FL_ENC_GUESS);
    return i < 0 ? -1 : (long)i;
}

char *archive_zip_member(struct archive_zip *z, long i, size_t *len, enum sl_status *st)
{
    struct doc_read *r = z->r;
    struct inflated m = {0};
    zip_stat_t sb;
    char w[512];

    *len = 0;
    *st = SL_OK;
    member_where(w, sizeof w, z->where, archive_zip_name(z, i));
    if (zip_stat_index(z->za, (zip_uint64_t)i, 0, &sb) != 0) {
        *st = doc_read_note(r, "unscannable.malformed", w);
        return NULL;
    }
    if ((sb.valid & ZIP_STAT_ENCRYPTION_METHOD) && sb.encryption_method != ZIP_EM_NONE) {
        *st = doc_read_info(r, "unscannable.encrypted", w);
        return NULL;
    }
    m.compressed = (sb.valid & ZIP_STAT_COMP_SIZE) ? sb.comp_size : 0;
    zip_file_t *f = zip_fopen_index(z->za, (zip_uint64_t)i, 0);
    if (f == NULL) {
        int code = zip_error_code_zip(zip_get_error(z->za));
        if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
            *st = doc_read_info(r, "unscannable.encrypted", w);
        else
            *st = doc_read_note(r, "unscannable.malformed", w);
        return NULL;
    }
    for (;;) {
        size_t room = inflated_room(r, &m);
        if (room == 0)
            break;
        if (!inflated_grow(&m, room)) {
            *st = SL_ENOMEM;
            break;
        }
        zip_int64_t got = zip_fread(f, m.data + m.len, room);
        if (got < 0) {
            m.rule = "unscannable.malformed"; /* truncated, bad CRC, bad data */
            break;
        }
        if (got == 0)
            break;
        m.len += (size_t)got;
        r->expanded += (uint64_t)got;
    }
    zip_fclose(f);
    if (*st == SL_OK && m.rule)
        *st = doc_read_note(r, m.rule, w);
    if (*st != SL_OK || (m.data == NULL && !inflated_grow(&m, 0))) {
        free(m.data);
        if (*st == SL_OK)
            *st = SL_ENOMEM;
        return NULL;
    }
    m.data[m.len] = '\0';
    *len = m.len;
    return m.data;
}

void archive_zip_close(struct archive_zip *z)
{
    if (z == NULL)
        return;
    zip_discard(z->za);
    free(z);
}

/* enter - one more archive level, or a note when too deep */
static bool enter(struct doc_read *r, const char *where, enum sl_status *st)
{
    if (r->depth >= r->lim->max_archive_depth) {
        *st = doc_read_note(r, "unscannable.archive-depth-limit", where);
        return false;
    }
    r->depth++;
    return true;
}

enum sl_status archive_read_zip(struct doc_read *r, const char *data, size_t len, const char *where)
{
    struct archive_zip *z;
    enum sl_status st = SL_OK;

    if (!enter(r, where, &st))
        return st;
    st = archive_zip_open(r, data, len, where, &z);
    if (st == SL_OK && z && office_detect(z)) {
        st = office_read(r, z, where);
    } else if (st == SL_OK && z) {
        for (long i = 0; i < z->n && st == SL_OK && !r->text_full; i++) {
            const char *name = archive_zip_name(z, i);
            size_t nl = strlen(name);
            if (nl > 0 && name[nl - 1] == '/')
                continue; /* a folder */
            if (++r->members > r->lim->max_members) {
                st = doc_read_note(r, "unscannable.member-limit", where);
                break;
            }
            if (r->expanded >= r->lim->max_expanded_bytes) {
                st = doc_read_note(r, "unscannable.expanded-size-limit", where);
                break;
            }
            size_t n;
            char *m = archive_zip_member(z, i, &n, &st);
            if (m) {
                char w[512];
                member_where(w, sizeof w, where, name);
                const char *base = strrchr(name, '/');
                st = doc_read_document(r, m, n, base ? base + 1 : name, NULL, w);
                free(m);
            }
        }
    }
    archive_zip_close(z);
    r->depth--;
    return st;
}

enum sl_status archive_read_gzip(struct doc_read *r, const char *data, size_t len, const char *name,
                                 const char *where)
{
    struct inflated m = {0};
    enum sl_status st = SL_OK;
    z_stream zs;
    char inner[256], w[512];

    if (!enter(r, where, &st))
        return st;
    /* the member is the file name without .gz */
    snprintf(inner, sizeof inner, "%s", name && *name ? name : "data");
    size_t il = strlen(inner);
    if (il > 3 && strcasecmp(inner + il - 3, ".gz") == 0)
        inner[il - 3] = '\0';
    else if (il > 4 && strcasecmp(inner + il - 4, ".tgz") == 0)
        memcpy(inner + il - 4, ".tar", 5);
    member_where(w, sizeof w, where, inner);

    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
        r->depth--;
        return SL_ENOMEM;
    }
    m.compressed = len;
    zs.next_in = (Bytef *)data;
    zs.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
    for (;;) {
        size_t room = inflated_room(r, &m);
        if (room == 0)
            break;
        if (!inflated_grow(&m, room)) {
            st = SL_ENOMEM;
            break;
        }
        zs.next_out = (Bytef *)m.data + m.len;
        zs.avail_out = (uInt)room;
        int rc = inflate(&zs, Z_NO_FLUSH);
        size_t got = room - zs.avail_out;
        m.len += got;
        r->expanded += got;
        if (rc == Z_STREAM_END) {
            if (zs.avail_in == 0 || inflateReset(&zs) != Z_OK)
                break; /* another gzip member may follow */
            continue;
        }
        if (rc != Z_OK) {
            if (rc == Z_MEM_ERROR)
                st = SL_ENOMEM;
            else
                m.rule = "unscannable.malformed";
            break;
        }
        if (got == 0 && zs.avail_in == 0) {
            m.rule = "unscannable.malformed"; /* truncated */
            break;
        }
    }
    inflateEnd(&zs);
    if (st == SL_OK && m.rule)
        st = doc_read_note(r, m.rule, w);
    if (st == SL_OK && m.len > 0)
        st = doc_read_document(r, m.data, m.len, inner, NULL, w);
    free(m.data);
    r->depth--;
    return st;
}

uint64_t archive_inflated_size(const char *data, size_t len, uint64_t cap)
{
    static char sink[CHUNK];
    z_stream zs;
    uint64_t total = 0;
    memset(&zs, 0, sizeof zs);
    if (inflateInit(&zs) != Z_OK)
        return 0;
    zs.next_in = (Bytef *)data;
    zs.avail_in = len > UINT32_MAX ? UINT32_MAX : (uInt)len;
    while (total <= cap) {
        zs.next_out = (Bytef *)sink;
        zs.avail_out = sizeof sink;
        int rc = inflate(&zs, Z_NO_FLUSH);
        total += sizeof sink - zs.avail_out;
        if (rc != Z_OK || (zs.avail_out == sizeof sink && zs.avail_in == 0))
            break; /* the end, an error, or no progress */
    }
    inflateEnd(&zs);
    return total;
}
