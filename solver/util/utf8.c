/* Strict UTF-8 validation (RFC 3629 section 4: the well-formed byte sequences). */
#include "util/utf8.h"

size_t wp_utf8_valid_prefix(const unsigned char *t, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = t[i];
        size_t len = c < 0x80                   ? 1
                     : (c >= 0xC2 && c <= 0xDF) ? 2
                     : (c >= 0xE0 && c <= 0xEF) ? 3
                     : (c >= 0xF0 && c <= 0xF4) ? 4
                                                : 0;
        if (!len || i + len > n) return i;
        for (size_t k = 1; k < len; k++)
            if ((t[i + k] & 0xC0) != 0x80) return i;
        /* the second byte's range after E0 (no overlong), ED (no surrogates), F0 (no overlong)
         * and F4 (nothing above U+10FFFF) */
        unsigned c1 = t[i + 1];
        if (len == 3 && ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F))) return i;
        if (len == 4 && ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))) return i;
        i += len;
    }
    return n;
}

void wp_utf8_line_col(const char *text, size_t off, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < off && text[i]; i++) {
        if (text[i] == '\n')
            l++, c = 1;
        else if (((unsigned char)text[i] & 0xC0) != 0x80)
            c++;
    }
    *line = l;
    *col = c;
}
