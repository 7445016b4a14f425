/* Paths named inside inputs: resolved relative to the file that names them,
 * and kept inside the engagement's folder, so that no input can make golive
 * read a file elsewhere on the machine. */
#ifndef GOLIVE_PATH_H
#define GOLIVE_PATH_H

#include <stdbool.h>

/* path_join_relative: target relative to the folder of base_file (an
 * absolute target is returned as is). Caller frees. */
char *path_join_relative(const char *base_file, const char *target);

/* path_folder_of: the folder part of path ("." when none). Caller frees. */
char *path_folder_of(const char *path);

/* path_is_inside: whether path, with symbolic links resolved, lies inside
 * root (a folder, resolved the same way). False also when path does not
 * exist. */
bool path_is_inside(const char *path, const char *root);

/* path_same_file: whether two paths name the same existing file. */
bool path_same_file(const char *left, const char *right);

/* path_is_folder: whether path is an existing folder. */
bool path_is_folder(const char *path);

#endif
