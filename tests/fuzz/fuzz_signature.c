/* libFuzzer target: the readers of minisign public keys, secret keys and
 * signatures, and of golive's sign-off statements, on arbitrary bytes. Each
 * input goes through every reader; a signature that parses is also
 * verified against a key that parses, over the input itself. None may
 * crash, leak or hang. (An encrypted secret key is not opened: scrypt's
 * cost comes from the file, and is bounded by libsodium's limits.) */
#include "diag.h"
#include "signature_minisign.h"
#include "signoff_statement.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    struct diag_sink *sink = diag_sink_new();
    struct minisign_public_key public_key;
    struct minisign_secret_key secret_key;
    struct minisign_signature signature;
    struct signoff_statement statement;
    bool have_key = minisign_public_key_parse("fuzz.pub", text, size, &public_key, sink);
    minisign_secret_key_parse("fuzz.key", text, size, &secret_key, sink);
    if (minisign_signature_parse("fuzz.minisig", text, size, &signature, sink)) {
        if (have_key)
            minisign_verify(&public_key, data, size, &signature);
        minisign_signature_free(&signature);
    }
    if (signoff_statement_parse("fuzz.txt", text, size, &statement, sink))
        signoff_statement_free(&statement);
    diag_sink_free(sink);
    return 0;
}
