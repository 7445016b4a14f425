# -*- coding: utf-8 -*-
# Copyright 2021-2024 ACME IT
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "ACME: discount "
            "by customer group",   # implicit concatenation
    "summary": 'Discounts per customer group, '
               'agreed yearly',
    "version": "16.0.2.2.1",
    "category": "Sales",
    "author": "ACME IT",
    "license": "LGPL-3",
    "depends": [
        "sale_management",
        "account",
        "sale_order_type",      # OCA
    ],
    "data": (
        "security/ir.model.access.csv",
        "views/sale_order_views.xml",
        # "views/old_wizard.xml",
    ),
    "demo": [],
    "application": False,
    # no 'installable' key: True by default
}
