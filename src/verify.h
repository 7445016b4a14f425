/* Checking an archived build against its manifest. */
#ifndef GOLIVE_VERIFY_H
#define GOLIVE_VERIFY_H

#include "diag.h"

/* verify_folder: reads folder/MANIFEST and reports each document that
 * changed or is missing, each file in the folder the manifest does not
 * list, and each input that changed (an input no longer where it was is a
 * warning: an archive is often moved without its inputs). */
void verify_folder(const char *folder, struct diag_sink *sink);

/* verify_folder_with_data: verify_folder, checking golive's own templates
 * ("golive:" inputs) in data_folder; with NULL they are not checked. */
void verify_folder_with_data(const char *folder, const char *data_folder, struct diag_sink *sink);

#endif
