/* Drawing a display list with the PDF device. */
#ifndef GOLIVE_PDF_RENDER_H
#define GOLIVE_PDF_RENDER_H

#include "diag.h"
#include "display_list.h"
#include "pdf_device.h"

/* pdf_render: draws every page of list; images that cannot be decoded are
 * reported in sink as warnings and framed instead. */
void pdf_render(struct pdf_device *device, const struct display_list *list, struct diag_sink *sink);

#endif
