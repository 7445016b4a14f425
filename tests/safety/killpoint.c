/* A test-only LD_PRELOAD library: counts the calls by which golive changes
 * the file system (creating, writing, flushing, linking, renaming and
 * removing files and folders) and kills the process with SIGKILL just
 * before the Nth, N from GOLIVE_TEST_KILL_AT. So a test can stop a build
 * at every step of its commit, as kill -9 would. Without
 * GOLIVE_TEST_KILL_AT it only skips flushing to disk. Never part of golive
 * itself. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static long calls;

static void step(void)
{
    const char *at = getenv("GOLIVE_TEST_KILL_AT");
    if (at && ++calls == atol(at))
        kill(getpid(), SIGKILL);
}

#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

int mkstemp(char *template)
{
    step();
    return NEXT(mkstemp)(template);
}

ssize_t write(int descriptor, const void *data, size_t length)
{
    if (descriptor > 2)
        step();
    return NEXT(write)(descriptor, data, length);
}

/* A kill, unlike a power cut, loses nothing that was written: flushing
 * to disk only makes the test slow. */
int fsync(int descriptor)
{
    (void)descriptor;
    step();
    return 0;
}

int fchmod(int descriptor, mode_t mode)
{
    step();
    return NEXT(fchmod)(descriptor, mode);
}

int link(const char *from, const char *to)
{
    step();
    return NEXT(link)(from, to);
}

int rename(const char *from, const char *to)
{
    step();
    return NEXT(rename)(from, to);
}

int unlink(const char *path)
{
    step();
    return NEXT(unlink)(path);
}

int mkdir(const char *path, mode_t mode)
{
    step();
    return NEXT(mkdir)(path, mode);
}

int rmdir(const char *path)
{
    step();
    return NEXT(rmdir)(path);
}
