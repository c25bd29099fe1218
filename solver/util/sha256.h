/* SHA-256 (FIPS 180-4), for the digest a roster keeps of the scenario it was made for. */
#ifndef WP_UTIL_SHA256_H
#define WP_UTIL_SHA256_H

#include <stddef.h>

/* The digest of data[0..n) as 64 lowercase hex digits and a NUL (hex needs 65 bytes). */
void wp_sha256_hex(const void *data, size_t n, char hex[65]);

#endif
