/* SHA-256 (FIPS 180-4), for the build manifest and the inputs' fingerprint,
 * computed by OpenSSL's libcrypto (with the CPU's SHA instructions where it
 * has them: a build hashes every document it writes). */
#ifndef GOLIVE_SHA256_H
#define GOLIVE_SHA256_H

#include <stddef.h>

#include <openssl/sha.h>

/* A hash under way: a plain value, so it may be copied (a running hash
 * finished at each step) or dropped unfinished. */
struct sha256 {
    SHA256_CTX context;
};

void sha256_init(struct sha256 *hash);
void sha256_update(struct sha256 *hash, const void *data, size_t length);
/* sha256_final: the digest as 64 lower-case hex digits and a NUL. */
void sha256_final(struct sha256 *hash, char hex[65]);
/* sha256_hex: the digest of data[0..length) in one call. */
void sha256_hex(const void *data, size_t length, char hex[65]);

#endif
