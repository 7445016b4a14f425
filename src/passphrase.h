/* Reading a passphrase for a secret key: from the terminal, with echo off,
 * or from an open file descriptor (for scripts and tests), never from the
 * command line where other users could see it. */
#ifndef GOLIVE_PASSPHRASE_H
#define GOLIVE_PASSPHRASE_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

#define PASSPHRASE_MAX 1024u /* bytes, as minisign */

/* passphrase_read: reads one line into out[PASSPHRASE_MAX]. descriptor_text
 * is the --passphrase-fd value, or NULL for the terminal; confirm asks
 * twice on the terminal. Returns false after reporting. */
bool passphrase_read(const char *descriptor_text, bool confirm, char out[PASSPHRASE_MAX],
                     struct diag_sink *sink);

#endif
