# Copyright 2021 ACME IT
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Sale order line discount "
            "by customer",
    "version": "16.0.2.2.1",
    "author": "ACME IT, Odoo Community Association (OCA)",
    "website": "https://github.com/OCA/sale-workflow",
    "license": "AGPL-3",
    "depends": ["sale", "account",],
    "data": (
        "security/ir.model.access.csv",
        "views/sale_order_views.xml",
    ),
    "assets": {"web.assets_backend": [("include", "web._assets_helpers"), "x/static/src/**/*"]},
    "installable": True,
    "price": 12.5, "currency": 'EUR', 'sequence': -1, 'hex': 0x1F,
}
