/* golive key new: a key pair in minisign's format, for signing sign-offs. */
#include "cli.h"

#include "buffer.h"
#include "passphrase.h"
#include "signature_minisign.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Creates path (never over an existing file) with mode, holding text. */
static bool write_new(const char *path, const struct buffer *text, mode_t mode,
                      struct diag_sink *sink)
{
    int descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (descriptor < 0) {
        diag(sink, DIAG_FILE_WRITE, source_position_of_file(path), "cannot create '%s': %s%s", path,
             strerror(errno), errno == EEXIST ? "; golive never replaces a key" : "");
        return false;
    }
    bool ok = write(descriptor, text->data, text->length) == (ssize_t)text->length &&
              fsync(descriptor) == 0;
    ok = close(descriptor) == 0 && ok;
    if (!ok) {
        diag(sink, DIAG_FILE_WRITE, source_position_of_file(path), "cannot write '%s': %s", path,
             strerror(errno));
        unlink(path);
    }
    return ok;
}

static bool refuse_existing(const char *path, struct diag_sink *sink)
{
    if (access(path, F_OK) != 0)
        return false;
    diag(sink, DIAG_FILE_WRITE, source_position_of_file(path),
         "'%s' exists; golive never replaces a key", path);
    return true;
}

static void write_pair(const char *stem, const char *passphrase, struct diag_sink *sink)
{
    struct buffer public_path = {0}, secret_path = {0}, public_text = {0}, secret_text = {0};
    buffer_printf(&public_path, "%s.pub", stem);
    buffer_printf(&secret_path, "%s.key", stem);
    struct minisign_secret_key secret;
    struct minisign_public_key public_key;
    if (!refuse_existing(buffer_text(&public_path), sink) &&
        !refuse_existing(buffer_text(&secret_path), sink)) {
        minisign_key_pair_new(&secret, &public_key);
        minisign_secret_key_format(&secret, passphrase, &secret_text);
        minisign_public_key_format(&public_key, &public_text);
        minisign_wipe(&secret, sizeof secret);
        if (write_new(buffer_text(&secret_path), &secret_text, 0600, sink) &&
            !write_new(buffer_text(&public_path), &public_text, 0644, sink))
            unlink(buffer_text(&secret_path));
    }
    minisign_wipe(secret_text.data, secret_text.length);
    buffer_free(&public_path);
    buffer_free(&secret_path);
    buffer_free(&public_text);
    buffer_free(&secret_text);
}

static int command_key(const struct cli_invocation *invocation)
{
    if (strcmp(cli_argument(invocation, 0), "new") != 0)
        return cli_usage_error(cli_invocation_command(invocation),
                               "unknown action '%s'; the action is 'new'",
                               cli_argument(invocation, 0));
    struct diag_sink *sink = diag_sink_new();
    bool unencrypted = cli_flag(invocation, "unencrypted");
    const char *descriptor = cli_value(invocation, "passphrase-fd");
    if (unencrypted && descriptor)
        return cli_usage_error(cli_invocation_command(invocation),
                               "--unencrypted takes no passphrase; drop --passphrase-fd");
    char passphrase[PASSPHRASE_MAX];
    if (unencrypted || passphrase_read(descriptor, true, passphrase, sink))
        write_pair(cli_argument(invocation, 1), unencrypted ? NULL : passphrase, sink);
    minisign_wipe(passphrase, sizeof passphrase);
    return cli_finish(sink);
}

static const struct cli_option key_options[] = {
    {"passphrase-fd", 0, CLI_VALUE, "N", "read the passphrase from file descriptor N"},
    {"unencrypted", 0, CLI_FLAG, NULL, "write the secret key without a passphrase"},
    {0},
};

const struct cli_command cli_key_command = {
    .name = "key",
    .synopsis = "new STEM [--passphrase-fd N | --unencrypted]",
    .summary = "make a key pair for signing sign-offs (minisign's format)",
    .description =
        "Writes a new Ed25519 key pair in minisign's format: STEM.pub, the public key a\n"
        "signatory names in project.yaml ('key'), and STEM.key, the secret key, readable\n"
        "by its owner only and encrypted with a passphrase (scrypt). The passphrase is\n"
        "asked twice on the terminal, or read as one line from file descriptor N; the\n"
        "secret key is written in the clear only with --unencrypted. Existing files are\n"
        "never replaced. The stock minisign tool reads both files, and golive reads keys\n"
        "made by minisign -G. See docs/signing.md.",
    .options = key_options,
    .minimum_arguments = 2,
    .maximum_arguments = 2,
    .execute = command_key,
};
