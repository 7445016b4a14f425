/* SHA-256 through libcrypto's SHA256_CTX. OpenSSL 3 marks these functions
 * deprecated in favour of EVP_Digest*, whose context is allocated and
 * whose first use loads OpenSSL's providers (8 million instructions per
 * process, measured): the plain context stays a value that can be copied
 * and dropped, and computes the same digest with the same code. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include "sha256.h"

void sha256_init(struct sha256 *hash)
{
    SHA256_Init(&hash->context);
}

void sha256_update(struct sha256 *hash, const void *data, size_t length)
{
    SHA256_Update(&hash->context, data, length);
}

void sha256_final(struct sha256 *hash, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256_Final(digest, &hash->context);
    for (size_t index = 0; index < sizeof digest; index++) {
        hex[2 * index] = digits[digest[index] >> 4];
        hex[2 * index + 1] = digits[digest[index] & 15];
    }
    hex[2 * sizeof digest] = '\0';
}

void sha256_hex(const void *data, size_t length, char hex[65])
{
    struct sha256 hash;
    sha256_init(&hash);
    sha256_update(&hash, data, length);
    sha256_final(&hash, hex);
}
