/* SHA-256 (FIPS 180-4), for the build manifest and the inputs' fingerprint. */
#ifndef GOLIVE_SHA256_H
#define GOLIVE_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
    uint32_t state[8];
    uint64_t length;         /* bytes hashed so far */
    unsigned char block[64]; /* the partial block */
    size_t used;             /* bytes in block */
};

void sha256_init(struct sha256 *hash);
void sha256_update(struct sha256 *hash, const void *data, size_t length);
/* sha256_final: the digest as 64 lower-case hex digits and a NUL. */
void sha256_final(struct sha256 *hash, char hex[65]);
/* sha256_hex: the digest of data[0..length) in one call. */
void sha256_hex(const void *data, size_t length, char hex[65]);

#endif
