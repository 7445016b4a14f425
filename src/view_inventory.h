/* The view of the module inventory: audit.inventory in the template data. */
#ifndef GOLIVE_VIEW_INVENTORY_H
#define GOLIVE_VIEW_INVENTORY_H

#include "model_inventory.h"
#include "node.h"

/* view_put_inventory: puts audit_view.inventory, or nothing for NULL. */
void view_put_inventory(struct node *audit_view, const struct inventory *inventory);

#endif
