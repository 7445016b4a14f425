/* Passphrases from a terminal or a file descriptor (passphrase.h). */
#include "passphrase.h"

#include "signature_minisign.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const struct source_position nowhere = {0};

/* One line from descriptor, without its newline; false when it is empty,
 * too long or unreadable. */
static bool read_line(int descriptor, char out[PASSPHRASE_MAX])
{
    size_t length = 0;
    for (;;) {
        char byte;
        ssize_t got = read(descriptor, &byte, 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0 || byte == '\n')
            break;
        if (length + 1 >= PASSPHRASE_MAX)
            return false;
        out[length++] = byte;
    }
    if (length > 0 && out[length - 1] == '\r')
        length--;
    out[length] = '\0';
    return length > 0;
}

static bool from_descriptor(const char *text, char out[PASSPHRASE_MAX], struct diag_sink *sink)
{
    char *end;
    long descriptor = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || descriptor < 0 || descriptor > 1023) {
        diag(sink, DIAG_PASSPHRASE, nowhere,
             "--passphrase-fd needs a file descriptor number, not '%s'", text);
        return false;
    }
    if (!read_line((int)descriptor, out)) {
        diag(sink, DIAG_PASSPHRASE, nowhere,
             "no passphrase could be read from file descriptor %ld (one line, 1 to %u bytes)",
             descriptor, PASSPHRASE_MAX - 1);
        return false;
    }
    return true;
}

/* Asks on the terminal with echo off. */
static bool ask(int terminal, const char *prompt, char out[PASSPHRASE_MAX])
{
    struct termios saved, quiet;
    bool restore = tcgetattr(terminal, &saved) == 0;
    if (restore) {
        quiet = saved;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(terminal, TCSAFLUSH, &quiet);
    }
    if (write(terminal, prompt, strlen(prompt)) < 0)
        return false;
    bool ok = read_line(terminal, out);
    if (restore)
        tcsetattr(terminal, TCSAFLUSH, &saved);
    if (write(terminal, "\n", 1) < 0)
        return false;
    return ok;
}

static bool from_terminal(bool confirm, char out[PASSPHRASE_MAX], struct diag_sink *sink)
{
    int terminal = open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (terminal < 0) {
        diag(sink, DIAG_PASSPHRASE, nowhere,
             "no terminal to ask for the passphrase: give it with --passphrase-fd N");
        return false;
    }
    char again[PASSPHRASE_MAX];
    bool ok = ask(terminal, "Passphrase: ", out);
    if (ok && confirm) {
        ok = ask(terminal, "Passphrase (again): ", again) && strcmp(out, again) == 0;
        minisign_wipe(again, sizeof again);
    }
    close(terminal);
    if (!ok)
        diag(sink, DIAG_PASSPHRASE, nowhere,
             confirm ? "the two passphrases are empty or differ" : "no passphrase was given");
    return ok;
}

bool passphrase_read(const char *descriptor_text, bool confirm, char out[PASSPHRASE_MAX],
                     struct diag_sink *sink)
{
    return descriptor_text ? from_descriptor(descriptor_text, out, sink)
                           : from_terminal(confirm, out, sink);
}
