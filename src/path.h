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

/* path_relative: the path of target (an existing file) as seen from folder
 * (an existing folder), both with symbolic links resolved: "../in/a.yaml".
 * Caller frees; NULL when either does not exist. */
char *path_relative(const char *folder, const char *target);

/* path_make_folders: creates path and each missing folder above it, like
 * mkdir -p. Returns false with errno set (EEXIST when path exists but is
 * not a folder). */
bool path_make_folders(const char *path);

#endif
