/* Evaluating the module inventory: counts by origin and action, code size,
 * and which standard apps the custom modules build on. */
#ifndef GOLIVE_EVALUATE_INVENTORY_H
#define GOLIVE_EVALUATE_INVENTORY_H

#include "model_inventory.h"

/* evaluate_inventory: fills inventory->totals and each module's
 * depend_origins. Runs once. */
void evaluate_inventory(struct arena *arena, struct inventory *inventory);

#endif
