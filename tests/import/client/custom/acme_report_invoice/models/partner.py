from odoo import api, fields, models


class Model(models.Model):
    _inherit = "res.partner"

    field_0 = fields.Char()
    field_1 = fields.Char()
    field_2 = fields.Char()
    field_3 = fields.Char()
    field_4 = fields.Char()
    field_5 = fields.Char()
    field_6 = fields.Char()
    field_7 = fields.Char()
    field_8 = fields.Char()
    field_9 = fields.Char()
    field_10 = fields.Char()
    field_11 = fields.Char()
    field_12 = fields.Char()
    field_13 = fields.Char()
