/* A growable, always NUL-terminated string buffer. */
#ifndef WP_UTIL_STRBUF_H
#define WP_UTIL_STRBUF_H

#include <stddef.h>

typedef struct wp_strbuf {
    char *data; /* NUL-terminated; NULL until the first append */
    size_t len;
    size_t cap;
} wp_strbuf;

void wp_sb_append(wp_strbuf *sb, const char *s);
void wp_sb_appendn(wp_strbuf *sb, const char *s, size_t n);
void wp_sb_printf(wp_strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Replaces the decimal points of a formatted number with commas, in place (Dutch notation). */
void wp_decimal_comma(char *number);
/* Appends s escaped for HTML text and attribute values (< > & "); NULL appends nothing. */
void wp_sb_html(wp_strbuf *sb, const char *s);
void wp_sb_truncate(wp_strbuf *sb, size_t len);
/* The contents ("" when empty); valid until the next append. */
const char *wp_sb_str(const wp_strbuf *sb);
/* Hands the buffer to the caller (free it) and empties sb. */
char *wp_sb_take(wp_strbuf *sb);
void wp_sb_free(wp_strbuf *sb);

#endif
