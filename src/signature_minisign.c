/* minisign's key and signature files, read and written with libsodium
 * (format: signature_minisign.h; from minisign's own source). */
#include "signature_minisign.h"

#include "alloc.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COMMENT_PREFIX "untrusted comment: "
#define TRUSTED_PREFIX "trusted comment: "
#define COMMENT_MAX 1024u         /* minisign's longest comment line [bytes] */
#define TRUSTED_COMMENT_MAX 8192u /* minisign's longest trusted comment [bytes] */
#define CHECKSUM_BYTES 32
#define PUBLIC_FILE_BYTES (2 + MINISIGN_KEY_ID_BYTES + MINISIGN_PUBLIC_BYTES)
#define SECRET_FILE_BYTES                                                                          \
    (2 + 2 + 2 + 32 + 8 + 8 + MINISIGN_KEY_ID_BYTES + MINISIGN_SECRET_BYTES + CHECKSUM_BYTES)
#define SIGNATURE_FILE_BYTES (2 + MINISIGN_KEY_ID_BYTES + MINISIGN_SIGNATURE_BYTES)

static void start_sodium(void)
{
    if (sodium_init() < 0)
        fatal_internal("libsodium cannot start: no randomness to sign with");
}

void minisign_wipe(void *memory, size_t length)
{
    sodium_memzero(memory, length);
}

/* One line of a key or signature file. */
struct line {
    const char *text;
    size_t length;
};

/* Splits text into at most max lines (a final line without newline counts;
 * a trailing "\r" is dropped). Returns the count. */
static size_t split_lines(const char *text, size_t length, struct line *lines, size_t max)
{
    size_t count = 0, start = 0;
    while (start < length && count < max) {
        const char *newline = memchr(text + start, '\n', length - start);
        size_t end = newline ? (size_t)(newline - text) : length;
        size_t line_length = end - start;
        if (line_length > 0 && text[end - 1] == '\r')
            line_length--;
        lines[count++] = (struct line){text + start, line_length};
        start = end + 1;
    }
    return count;
}

static void report(struct diag_sink *sink, enum diag_code code, const char *path, unsigned line,
                   const char *what)
{
    diag(sink, code, (struct source_position){path, line, 1}, "%s", what);
}

/* A comment line with its prefix, no longer than limit. */
static bool comment_line(const struct line *line, const char *prefix, size_t limit)
{
    size_t prefix_length = strlen(prefix);
    return line->length >= prefix_length && line->length - prefix_length < limit &&
           memcmp(line->text, prefix, prefix_length) == 0;
}

/* Decodes a base64 line of exactly size bytes. */
static bool decode_line(const struct line *line, unsigned char *out, size_t size)
{
    size_t decoded = 0;
    const char *end = NULL;
    if (line->length == 0 || line->length > 4 * ((size + 2) / 3))
        return false;
    return sodium_base642bin(out, size, line->text, line->length, NULL, &decoded, &end,
                             sodium_base64_VARIANT_ORIGINAL) == 0 &&
           decoded == size && end == line->text + line->length;
}

/* The two lines of a key file: the comment and the base64 of size bytes. */
static bool key_lines(const char *path, const char *text, size_t length, unsigned char *out,
                      size_t size, const char *kind, struct diag_sink *sink)
{
    struct line lines[3];
    size_t count = split_lines(text, length, lines, 3);
    char what[160];
    if (count < 2 || !comment_line(&lines[0], COMMENT_PREFIX, COMMENT_MAX)) {
        snprintf(what, sizeof what,
                 "this is not a minisign %s: it must begin with a line "
                 "'untrusted comment: ...'",
                 kind);
        report(sink, DIAG_KEY_MALFORMED, path, 1, what);
        return false;
    }
    if (!decode_line(&lines[1], out, size)) {
        snprintf(what, sizeof what, "the second line must be the %s in base64 (%zu bytes)", kind,
                 size);
        report(sink, DIAG_KEY_MALFORMED, path, 2, what);
        return false;
    }
    return true;
}

bool minisign_public_key_parse(const char *path, const char *text, size_t length,
                               struct minisign_public_key *out, struct diag_sink *sink)
{
    unsigned char raw[PUBLIC_FILE_BYTES];
    if (!key_lines(path, text, length, raw, sizeof raw, "public key", sink))
        return false;
    if (memcmp(raw, "Ed", 2) != 0) {
        report(sink, DIAG_KEY_MALFORMED, path, 2, "the key is not an Ed25519 key ('Ed')");
        return false;
    }
    memcpy(out->key_id, raw + 2, MINISIGN_KEY_ID_BYTES);
    memcpy(out->key, raw + 2 + MINISIGN_KEY_ID_BYTES, MINISIGN_PUBLIC_BYTES);
    return true;
}

static uint64_t load_le64(const unsigned char *bytes)
{
    uint64_t value = 0;
    for (int index = 7; index >= 0; index--)
        value = (value << 8) | bytes[index];
    return value;
}

static void store_le64(unsigned char *bytes, uint64_t value)
{
    for (int index = 0; index < 8; index++, value >>= 8)
        bytes[index] = (unsigned char)(value & 0xFF);
}

/* BLAKE2b-256 of "Ed", the key id and the secret key. */
static void secret_checksum(const unsigned char *key_id, const unsigned char *secret,
                            unsigned char checksum[CHECKSUM_BYTES])
{
    crypto_generichash_state state;
    crypto_generichash_init(&state, NULL, 0, CHECKSUM_BYTES);
    crypto_generichash_update(&state, (const unsigned char *)"Ed", 2);
    crypto_generichash_update(&state, key_id, MINISIGN_KEY_ID_BYTES);
    crypto_generichash_update(&state, secret, MINISIGN_SECRET_BYTES);
    crypto_generichash_final(&state, checksum, CHECKSUM_BYTES);
}

bool minisign_secret_key_parse(const char *path, const char *text, size_t length,
                               struct minisign_secret_key *out, struct diag_sink *sink)
{
    unsigned char raw[SECRET_FILE_BYTES];
    memset(out, 0, sizeof *out);
    if (!key_lines(path, text, length, raw, sizeof raw, "secret key", sink))
        return false;
    bool scrypt = memcmp(raw + 2, "Sc", 2) == 0, none = memcmp(raw + 2, "\0\0", 2) == 0;
    if (memcmp(raw, "Ed", 2) != 0 || memcmp(raw + 4, "B2", 2) != 0 || (!scrypt && !none)) {
        report(sink, DIAG_KEY_MALFORMED, path, 2,
               "the key is not an Ed25519 key with a BLAKE2b checksum, plain or scrypt-encrypted");
        minisign_wipe(raw, sizeof raw);
        return false;
    }
    out->encrypted = scrypt;
    memcpy(out->salt, raw + 6, sizeof out->salt);
    out->opslimit = load_le64(raw + 38);
    out->memlimit = load_le64(raw + 46);
    memcpy(out->sealed, raw + 54, sizeof out->sealed);
    minisign_wipe(raw, sizeof raw);
    if (!scrypt) {
        memcpy(out->key_id, out->sealed, MINISIGN_KEY_ID_BYTES);
        memcpy(out->key, out->sealed + MINISIGN_KEY_ID_BYTES, MINISIGN_SECRET_BYTES);
    }
    return true;
}

/* The scrypt stream that seals key id, secret key and checksum; false when
 * the limits are out of libsodium's range or the memory is not there. */
static bool key_stream(const char *passphrase, const unsigned char salt[32], uint64_t opslimit,
                       uint64_t memlimit, unsigned char *stream, size_t size)
{
    start_sodium();
    if (opslimit > crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_MAX ||
        memlimit > crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_MAX || memlimit > (uint64_t)SIZE_MAX)
        return false;
    return crypto_pwhash_scryptsalsa208sha256(stream, size, passphrase, strlen(passphrase), salt,
                                              (unsigned long long)opslimit, (size_t)memlimit) == 0;
}

bool minisign_secret_key_open(struct minisign_secret_key *key, const char *passphrase)
{
    if (!key->encrypted)
        return true;
    unsigned char stream[sizeof key->sealed], plain[sizeof key->sealed];
    unsigned char checksum[CHECKSUM_BYTES];
    bool ok =
        key_stream(passphrase, key->salt, key->opslimit, key->memlimit, stream, sizeof stream);
    for (size_t index = 0; ok && index < sizeof plain; index++)
        plain[index] = key->sealed[index] ^ stream[index];
    if (ok) {
        secret_checksum(plain, plain + MINISIGN_KEY_ID_BYTES, checksum);
        ok = sodium_memcmp(checksum, plain + MINISIGN_KEY_ID_BYTES + MINISIGN_SECRET_BYTES,
                           CHECKSUM_BYTES) == 0;
    }
    if (ok) {
        memcpy(key->key_id, plain, MINISIGN_KEY_ID_BYTES);
        memcpy(key->key, plain + MINISIGN_KEY_ID_BYTES, MINISIGN_SECRET_BYTES);
        key->encrypted = false;
    }
    minisign_wipe(stream, sizeof stream);
    minisign_wipe(plain, sizeof plain);
    return ok;
}

void minisign_key_pair_new(struct minisign_secret_key *secret,
                           struct minisign_public_key *public_key)
{
    start_sodium();
    memset(secret, 0, sizeof *secret);
    randombytes_buf(secret->key_id, sizeof secret->key_id);
    crypto_sign_keypair(public_key->key, secret->key);
    memcpy(public_key->key_id, secret->key_id, sizeof secret->key_id);
}

void minisign_public_key_of(const struct minisign_secret_key *secret,
                            struct minisign_public_key *out)
{
    memcpy(out->key_id, secret->key_id, sizeof out->key_id);
    crypto_sign_ed25519_sk_to_pk(out->key, secret->key);
}

void minisign_key_id_hex(const unsigned char key_id[MINISIGN_KEY_ID_BYTES],
                         char hex[MINISIGN_KEY_ID_HEX])
{
    snprintf(hex, MINISIGN_KEY_ID_HEX, "%016llX", (unsigned long long)load_le64(key_id));
}

static void append_base64(struct buffer *out, const unsigned char *bytes, size_t size)
{
    size_t encoded_size = sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL);
    char *encoded = xmalloc(encoded_size);
    sodium_bin2base64(encoded, encoded_size, bytes, size, sodium_base64_VARIANT_ORIGINAL);
    buffer_printf(out, "%s\n", encoded);
    free(encoded);
}

void minisign_public_key_format(const struct minisign_public_key *key, struct buffer *out)
{
    unsigned char raw[PUBLIC_FILE_BYTES];
    char hex[MINISIGN_KEY_ID_HEX];
    memcpy(raw, "Ed", 2);
    memcpy(raw + 2, key->key_id, MINISIGN_KEY_ID_BYTES);
    memcpy(raw + 2 + MINISIGN_KEY_ID_BYTES, key->key, MINISIGN_PUBLIC_BYTES);
    minisign_key_id_hex(key->key_id, hex);
    buffer_printf(out, COMMENT_PREFIX "minisign public key %s\n", hex);
    append_base64(out, raw, sizeof raw);
}

/* golive seals with scrypt's "interactive" limits (16 MiB); minisign -G
 * uses its "sensitive" ones (1 GiB). Both tools read both. */
void minisign_secret_key_format(const struct minisign_secret_key *key, const char *passphrase,
                                struct buffer *out)
{
    unsigned char raw[SECRET_FILE_BYTES] = {0}, *plain = raw + 54;
    memcpy(raw, "Ed", 2);
    memcpy(raw + 2, passphrase ? "Sc" : "\0\0", 2);
    memcpy(raw + 4, "B2", 2);
    memcpy(plain, key->key_id, MINISIGN_KEY_ID_BYTES);
    memcpy(plain + MINISIGN_KEY_ID_BYTES, key->key, MINISIGN_SECRET_BYTES);
    secret_checksum(key->key_id, key->key, plain + MINISIGN_KEY_ID_BYTES + MINISIGN_SECRET_BYTES);
    if (passphrase) {
        unsigned char stream[sizeof key->sealed];
        start_sodium();
        randombytes_buf(raw + 6, 32);
        store_le64(raw + 38, crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_INTERACTIVE);
        store_le64(raw + 46, crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_INTERACTIVE);
        if (!key_stream(
                passphrase, raw + 6, crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_INTERACTIVE,
                crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_INTERACTIVE, stream, sizeof stream))
            fatal_out_of_memory(crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_INTERACTIVE);
        for (size_t index = 0; index < sizeof stream; index++)
            plain[index] ^= stream[index];
        minisign_wipe(stream, sizeof stream);
    }
    buffer_append_text(out, COMMENT_PREFIX "minisign encrypted secret key\n");
    append_base64(out, raw, sizeof raw);
    minisign_wipe(raw, sizeof raw);
}

static bool printable(const char *text, size_t length)
{
    for (size_t index = 0; index < length; index++)
        if (((unsigned char)text[index] < 0x20 && text[index] != '\t') || text[index] == 0x7F)
            return false;
    return true;
}

bool minisign_signature_parse(const char *path, const char *text, size_t length,
                              struct minisign_signature *out, struct diag_sink *sink)
{
    memset(out, 0, sizeof *out);
    struct line lines[5];
    size_t count = split_lines(text, length, lines, 5);
    unsigned char raw[SIGNATURE_FILE_BYTES];
    if (count < 1 || !comment_line(&lines[0], COMMENT_PREFIX, COMMENT_MAX)) {
        report(sink, DIAG_SIGNATURE_MALFORMED, path, 1,
               "this is not a minisign signature: it must begin with 'untrusted comment: ...'");
        return false;
    }
    if (count < 2 || !decode_line(&lines[1], raw, sizeof raw) ||
        (memcmp(raw, "ED", 2) != 0 && memcmp(raw, "Ed", 2) != 0)) {
        report(sink, DIAG_SIGNATURE_MALFORMED, path, 2,
               "the second line must be an Ed25519 signature in base64 ('ED' or 'Ed', 74 bytes)");
        return false;
    }
    if (count < 3 || !comment_line(&lines[2], TRUSTED_PREFIX, TRUSTED_COMMENT_MAX) ||
        !printable(lines[2].text, lines[2].length)) {
        report(sink, DIAG_SIGNATURE_MALFORMED, path, 3,
               "the third line must be 'trusted comment: ...', printable text");
        return false;
    }
    if (count < 4 || !decode_line(&lines[3], out->global_signature, MINISIGN_SIGNATURE_BYTES)) {
        report(sink, DIAG_SIGNATURE_MALFORMED, path, 4,
               "the fourth line must be the trusted comment's signature in base64 (64 bytes)");
        return false;
    }
    out->prehashed = raw[1] == 'D';
    memcpy(out->key_id, raw + 2, MINISIGN_KEY_ID_BYTES);
    memcpy(out->signature, raw + 2 + MINISIGN_KEY_ID_BYTES, MINISIGN_SIGNATURE_BYTES);
    size_t prefix = strlen(TRUSTED_PREFIX);
    out->trusted_comment = xmemdup(lines[2].text + prefix, lines[2].length - prefix);
    return true;
}

void minisign_signature_free(struct minisign_signature *signature)
{
    free(signature->trusted_comment);
    signature->trusted_comment = NULL;
}

/* The signature over the signature and the trusted comment. */
static void sign_comment(const unsigned char *secret, const unsigned char *signature,
                         const char *comment, unsigned char global[MINISIGN_SIGNATURE_BYTES])
{
    size_t length = strlen(comment);
    unsigned char *joined = xmalloc(MINISIGN_SIGNATURE_BYTES + length);
    memcpy(joined, signature, MINISIGN_SIGNATURE_BYTES);
    memcpy(joined + MINISIGN_SIGNATURE_BYTES, comment, length);
    crypto_sign_detached(global, NULL, joined, MINISIGN_SIGNATURE_BYTES + length, secret);
    free(joined);
}

void minisign_sign(const struct minisign_secret_key *key, const void *message, size_t length,
                   const char *trusted_comment, struct buffer *out)
{
    start_sodium();
    unsigned char digest[crypto_generichash_BYTES_MAX], raw[SIGNATURE_FILE_BYTES];
    unsigned char global[MINISIGN_SIGNATURE_BYTES];
    crypto_generichash(digest, sizeof digest, message, length, NULL, 0);
    memcpy(raw, "ED", 2);
    memcpy(raw + 2, key->key_id, MINISIGN_KEY_ID_BYTES);
    crypto_sign_detached(raw + 2 + MINISIGN_KEY_ID_BYTES, NULL, digest, sizeof digest, key->key);
    sign_comment(key->key, raw + 2 + MINISIGN_KEY_ID_BYTES, trusted_comment, global);
    buffer_append_text(out, COMMENT_PREFIX "signature from golive secret key\n");
    append_base64(out, raw, sizeof raw);
    buffer_printf(out, TRUSTED_PREFIX "%s\n", trusted_comment);
    append_base64(out, global, sizeof global);
}

enum minisign_check minisign_verify(const struct minisign_public_key *key, const void *message,
                                    size_t length, const struct minisign_signature *signature)
{
    start_sodium();
    if (memcmp(key->key_id, signature->key_id, MINISIGN_KEY_ID_BYTES) != 0)
        return MINISIGN_OTHER_KEY;
    unsigned char digest[crypto_generichash_BYTES_MAX];
    const unsigned char *signed_bytes = message;
    size_t signed_length = length;
    if (signature->prehashed) {
        crypto_generichash(digest, sizeof digest, message, length, NULL, 0);
        signed_bytes = digest;
        signed_length = sizeof digest;
    }
    if (crypto_sign_verify_detached(signature->signature, signed_bytes, signed_length, key->key) !=
        0)
        return MINISIGN_BAD_SIGNATURE;
    size_t comment_length = strlen(signature->trusted_comment);
    unsigned char *joined = xmalloc(MINISIGN_SIGNATURE_BYTES + comment_length);
    memcpy(joined, signature->signature, MINISIGN_SIGNATURE_BYTES);
    memcpy(joined + MINISIGN_SIGNATURE_BYTES, signature->trusted_comment, comment_length);
    int verified = crypto_sign_verify_detached(signature->global_signature, joined,
                                               MINISIGN_SIGNATURE_BYTES + comment_length, key->key);
    free(joined);
    return verified == 0 ? MINISIGN_VALID : MINISIGN_BAD_COMMENT;
}
