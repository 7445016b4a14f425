/* SHA-256 as FIPS 180-4 defines it: 64 rounds over 512-bit blocks. */
#include "sha256.h"

#include <stdio.h>
#include <string.h>

/* The first 32 bits of the fractional parts of the cube roots of the first
 * 64 primes (FIPS 180-4, 4.2.2). */
static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
};

static uint32_t rotate_right(uint32_t value, unsigned bits)
{
    return (value >> bits) | (value << (32 - bits));
}

static void compress(uint32_t state[8], const unsigned char block[64])
{
    uint32_t schedule[64];
    for (int index = 0; index < 16; index++)
        schedule[index] = (uint32_t)block[4 * index] << 24 | (uint32_t)block[4 * index + 1] << 16
                          | (uint32_t)block[4 * index + 2] << 8 | block[4 * index + 3];
    for (int index = 16; index < 64; index++) {
        uint32_t low = schedule[index - 15], high = schedule[index - 2];
        uint32_t sigma0 = rotate_right(low, 7) ^ rotate_right(low, 18) ^ (low >> 3);
        uint32_t sigma1 = rotate_right(high, 17) ^ rotate_right(high, 19) ^ (high >> 10);
        schedule[index] = schedule[index - 16] + sigma0 + schedule[index - 7] + sigma1;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int index = 0; index < 64; index++) {
        uint32_t sum1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
        uint32_t choice = (e & f) ^ (~e & g);
        uint32_t first = h + sum1 + choice + round_constants[index] + schedule[index];
        uint32_t sum0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
        uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        uint32_t second = sum0 + majority;
        h = g, g = f, f = e, e = d + first;
        d = c, c = b, b = a, a = first + second;
    }
    state[0] += a, state[1] += b, state[2] += c, state[3] += d;
    state[4] += e, state[5] += f, state[6] += g, state[7] += h;
}

void sha256_init(struct sha256 *hash)
{
    /* The first 32 bits of the fractional parts of the square roots of the
     * first 8 primes (FIPS 180-4, 5.3.3). */
    static const uint32_t initial[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    memcpy(hash->state, initial, sizeof initial);
    hash->length = 0;
    hash->used = 0;
}

void sha256_update(struct sha256 *hash, const void *data, size_t length)
{
    const unsigned char *bytes = data;
    hash->length += length;
    while (length > 0) {
        size_t take = 64 - hash->used < length ? 64 - hash->used : length;
        memcpy(hash->block + hash->used, bytes, take);
        hash->used += take;
        bytes += take;
        length -= take;
        if (hash->used == 64) {
            compress(hash->state, hash->block);
            hash->used = 0;
        }
    }
}

void sha256_final(struct sha256 *hash, char hex[65])
{
    uint64_t bits = hash->length * 8;
    unsigned char padding[72] = { 0x80 };
    size_t pad = hash->used < 56 ? 56 - hash->used : 120 - hash->used;
    for (int index = 0; index < 8; index++)
        padding[pad + (size_t)index] = (unsigned char)(bits >> (56 - 8 * index));
    sha256_update(hash, padding, pad + 8);
    for (int index = 0; index < 8; index++)
        snprintf(hex + 8 * index, 9, "%08x", hash->state[index]);
}

void sha256_hex(const void *data, size_t length, char hex[65])
{
    struct sha256 hash;
    sha256_init(&hash);
    sha256_update(&hash, data, length);
    sha256_final(&hash, hex);
}
