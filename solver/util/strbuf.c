/* Growable string buffer. */
#include "util/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

static void reserve(wp_strbuf *sb, size_t extra)
{
    WP_GROW(sb->data, sb->cap, sb->len + extra + 1);
}

void wp_sb_appendn(wp_strbuf *sb, const char *s, size_t n)
{
    reserve(sb, n);
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

void wp_sb_append(wp_strbuf *sb, const char *s)
{
    wp_sb_appendn(sb, s, strlen(s));
}

void wp_sb_printf(wp_strbuf *sb, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        reserve(sb, (size_t)n);
        vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap2);
        sb->len += (size_t)n;
    }
    va_end(ap2);
}

void wp_sb_truncate(wp_strbuf *sb, size_t len)
{
    if (len < sb->len) {
        sb->len = len;
        sb->data[len] = '\0';
    }
}

const char *wp_sb_str(const wp_strbuf *sb)
{
    return sb->data ? sb->data : "";
}

char *wp_sb_take(wp_strbuf *sb)
{
    char *s = sb->data ? sb->data : wp_strdup("");
    sb->data = NULL;
    sb->len = sb->cap = 0;
    return s;
}

void wp_sb_free(wp_strbuf *sb)
{
    wp_free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
}

void wp_sb_html(wp_strbuf *sb, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<':
            wp_sb_append(sb, "&lt;");
            break;
        case '>':
            wp_sb_append(sb, "&gt;");
            break;
        case '&':
            wp_sb_append(sb, "&amp;");
            break;
        case '"':
            wp_sb_append(sb, "&quot;");
            break;
        default:
            wp_sb_appendn(sb, s, 1);
        }
    }
}

void wp_decimal_comma(char *number)
{
    for (char *p = number; *p; p++)
        if (*p == '.') *p = ',';
}
