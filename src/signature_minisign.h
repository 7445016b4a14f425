/* Keys and signatures in minisign's format, with libsodium.
 *
 * A public key file is a comment line and the base64 of "Ed", an 8-byte
 * key id and the 32-byte Ed25519 public key. A secret key file is a comment
 * line and the base64 of "Ed", the key derivation ("Sc" for scrypt, two zero
 * bytes for none), "B2", a 32-byte salt, scrypt's opslimit and memlimit
 * (little-endian), then key id, the 64-byte secret key and a BLAKE2b-256
 * checksum, XORed with scrypt's output when encrypted. A signature file
 * (.minisig) is an untrusted comment, the base64 of "ED" (the message's
 * BLAKE2b-512 is signed) or "Ed" (the message itself), key id and the
 * signature, a trusted comment, and a signature of the signature followed by
 * the trusted comment. This is the only file that includes libsodium. */
#ifndef GOLIVE_SIGNATURE_MINISIGN_H
#define GOLIVE_SIGNATURE_MINISIGN_H

#include "buffer.h"
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MINISIGN_KEY_ID_BYTES 8
#define MINISIGN_PUBLIC_BYTES 32
#define MINISIGN_SECRET_BYTES 64
#define MINISIGN_SIGNATURE_BYTES 64
#define MINISIGN_KEY_ID_HEX 17 /* 16 hex digits and a NUL */

struct minisign_public_key {
    unsigned char key_id[MINISIGN_KEY_ID_BYTES];
    unsigned char key[MINISIGN_PUBLIC_BYTES];
};

struct minisign_secret_key {
    unsigned char key_id[MINISIGN_KEY_ID_BYTES];
    unsigned char key[MINISIGN_SECRET_BYTES]; /* valid once decrypted */
    bool encrypted;                           /* still needs a passphrase */
    unsigned char salt[32];
    uint64_t opslimit, memlimit;
    unsigned char sealed[MINISIGN_KEY_ID_BYTES + MINISIGN_SECRET_BYTES + 32];
};

struct minisign_signature {
    bool prehashed; /* "ED": BLAKE2b-512 of the message signed */
    unsigned char key_id[MINISIGN_KEY_ID_BYTES];
    unsigned char signature[MINISIGN_SIGNATURE_BYTES];
    char *trusted_comment; /* owned */
    unsigned char global_signature[MINISIGN_SIGNATURE_BYTES];
};

enum minisign_check {
    MINISIGN_VALID,
    MINISIGN_OTHER_KEY,     /* made with a key of another id */
    MINISIGN_BAD_SIGNATURE, /* the message or the signature was changed */
    MINISIGN_BAD_COMMENT,   /* the trusted comment was changed */
};

/* The parsers read the text of a file named path and report what is wrong
 * at path:line:column; each returns false after reporting. */
bool minisign_public_key_parse(const char *path, const char *text, size_t length,
                               struct minisign_public_key *out, struct diag_sink *sink);
bool minisign_secret_key_parse(const char *path, const char *text, size_t length,
                               struct minisign_secret_key *out, struct diag_sink *sink);
bool minisign_signature_parse(const char *path, const char *text, size_t length,
                              struct minisign_signature *out, struct diag_sink *sink);
void minisign_signature_free(struct minisign_signature *signature);

/* minisign_secret_key_open: decrypts an encrypted key with passphrase;
 * false when the passphrase is wrong (or scrypt cannot get its memory). */
bool minisign_secret_key_open(struct minisign_secret_key *key, const char *passphrase);

/* minisign_key_pair_new: a fresh random key pair. */
void minisign_key_pair_new(struct minisign_secret_key *secret,
                           struct minisign_public_key *public_key);
/* minisign_public_key_of: the public half of an opened secret key. */
void minisign_public_key_of(const struct minisign_secret_key *secret,
                            struct minisign_public_key *out);

/* The writers: files minisign reads. A NULL passphrase writes the secret
 * key unencrypted. */
void minisign_public_key_format(const struct minisign_public_key *key, struct buffer *out);
void minisign_secret_key_format(const struct minisign_secret_key *key, const char *passphrase,
                                struct buffer *out);

/* minisign_sign: a .minisig of message (prehashed, as minisign -S makes by
 * default), with trusted_comment (one line). */
void minisign_sign(const struct minisign_secret_key *key, const void *message, size_t length,
                   const char *trusted_comment, struct buffer *out);
enum minisign_check minisign_verify(const struct minisign_public_key *key, const void *message,
                                    size_t length, const struct minisign_signature *signature);

/* minisign_key_id_hex: the key id as minisign prints it (16 upper-case hex digits). */
void minisign_key_id_hex(const unsigned char key_id[MINISIGN_KEY_ID_BYTES],
                         char hex[MINISIGN_KEY_ID_HEX]);

/* minisign_wipe: clears memory that held a secret. */
void minisign_wipe(void *memory, size_t length);

#endif
