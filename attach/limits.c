/*
 * limits - the embedded defaults for reading attached documents, shared by
 * the scanner (which sends them with each request) and the worker.
 */
#include "doc.h"

void doc_limits_default(struct doc_limits *l)
{
    l->max_expanded_bytes = 256ull * 1024 * 1024;
    l->max_ratio = 100;
    l->max_members = 1000;
    l->max_archive_depth = 4;
    l->max_pages = 500;
    l->max_text_bytes = 8 * 1024 * 1024;
}
