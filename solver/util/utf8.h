/* Strict UTF-8 (RFC 3629), as every program that reads wijkplan's output expects it. */
#ifndef WP_UTIL_UTF8_H
#define WP_UTIL_UTF8_H

#include <stddef.h>

/* Length of the well-formed UTF-8 prefix of s[0..n): no overlong forms, no encoded surrogates
 * (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequence. n when all of it is. */
size_t wp_utf8_valid_prefix(const unsigned char *s, size_t n);

/* Line and column (1-based, columns counted in code points) of byte offset `off` in text. */
void wp_utf8_line_col(const char *text, size_t off, int *line, int *col);

#endif
