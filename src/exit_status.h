/* golive's exit statuses. Each outcome has its own number so that a script
 * can tell them apart; golive(1) documents them. */
#ifndef GOLIVE_EXIT_STATUS_H
#define GOLIVE_EXIT_STATUS_H

enum exit_status {
    EXIT_STATUS_OK = 0,
    EXIT_STATUS_INVALID_INPUT = 1, /* an input file is wrong; nothing written */
    EXIT_STATUS_USAGE = 2,         /* the command line is wrong */
    EXIT_STATUS_IO_FAILURE = 3,    /* a file could not be read or written */
    EXIT_STATUS_NOT_READY = 4,     /* status --gate MOMENT: that gate is NOT READY */
    EXIT_STATUS_NO_GO = 5,     /* status --gate MOMENT: a decision or a required sign-off said no */
    EXIT_STATUS_MISMATCH = 6,  /* verify: the archive differs from its manifest */
    EXIT_STATUS_INTERNAL = 70, /* out of memory or a bug in golive */
};

#endif
