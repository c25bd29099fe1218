/* Explicit-state pseudo-random numbers: xoshiro256** seeded through splitmix64.
 * Blackman and Vigna (2018), "Scrambled linear pseudorandom number generators".
 * Never rand(): every stream is derived from (seed, stream) so runs are reproducible. */
#ifndef WP_UTIL_RNG_H
#define WP_UTIL_RNG_H

#include <stdint.h>

typedef struct wp_rng {
    uint64_t s[4];
} wp_rng;

static inline uint64_t wp_splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Seeds a stream; different `stream` values give independent sequences for one seed. */
static inline void wp_rng_seed(wp_rng *r, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed * 0x2545f4914f6cdd1dULL + stream * 0x9e3779b97f4a7c15ULL + 1;
    for (int i = 0; i < 4; i++) r->s[i] = wp_splitmix64(&x);
}

static inline uint64_t wp_rng_next(wp_rng *r)
{
    uint64_t *s = r->s;
    uint64_t x = s[1] * 5;
    uint64_t result = ((x << 7) | (x >> 57)) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 45) | (s[3] >> 19);
    return result;
}

/* Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; bias below 2^-32 for small n). */
static inline uint32_t wp_rng_below(wp_rng *r, uint32_t n)
{
    return (uint32_t)(((wp_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform double in [0, 1). */
static inline double wp_rng_unit(wp_rng *r)
{
    return (double)(wp_rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

#endif
