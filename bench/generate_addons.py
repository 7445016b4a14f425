#!/usr/bin/env python3
"""Writes an addons tree of N modules (custom, OCA-style and vendor, in
repositories of 50) with realistic manifests and code, a target tree
holding every other module at 18.0, and the Apps export listing them all
as installed. Used by bench/import.sh.
Usage: generate_addons.py N FOLDER"""
import os
import sys

count, root = int(sys.argv[1]), sys.argv[2]
AUTHORS = ["ACME IT", "Odoo Community Association (OCA)", "Cybrosys Techno Solutions"]
PY = "".join(f"    field_{i} = fields.Char(string='Field {i}')\n" for i in range(120))
XML = "".join(f'    <record id="view_{i}" model="ir.ui.view"><field name="name">v{i}</field></record>\n'
              for i in range(60))
JS = "".join(f"const value{i} = {i};\n" for i in range(40))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


rows = ["Technical Name,Module Name,Status,Author,Installed Version"]
for index in range(count):
    name = f"module_{index:05d}"
    author = AUTHORS[index % 3]
    repository = f"repo_{index // 50:03d}"
    folder = os.path.join(root, "addons", repository, name)
    depends = ", ".join(repr(d) for d in ["base", "sale", f"module_{max(index - 1, 0):05d}"])
    write(os.path.join(folder, "__manifest__.py"),
          f"# Copyright 2024 {author}\n{{\n    'name': 'Module {index} '\n            'with a long title',\n"
          f"    'version': '16.0.1.{index % 10}.0',\n    'author': {author!r},\n"
          f"    'license': 'LGPL-3',\n    'depends': [{depends},],\n"
          f"    'data': ('views/views.xml',),\n}}\n")
    write(os.path.join(folder, "__init__.py"), "from . import models\n")
    write(os.path.join(folder, "models", "model.py"),
          "from odoo import fields, models\n\n\nclass Model(models.Model):\n    _inherit = 'res.partner'\n" + PY)
    write(os.path.join(folder, "views", "views.xml"), "<odoo>\n" + XML + "</odoo>\n")
    write(os.path.join(folder, "static", "src", "js", "widget.js"), JS)
    if index % 2 == 0:
        write(os.path.join(root, "target", repository, name, "__manifest__.py"),
              f"{{'name': 'Module {index}', 'version': '18.0.1.0.0', 'depends': ['base']}}\n")
    rows.append(f'{name},"Module {index}, long title",Installed,"{author}",16.0.1.0.0')
rows.append("sale,Sales,Installed,Odoo S.A.,16.0.1.2")
rows.append("base,Base,Installed,Odoo S.A.,16.0.1.3")
write(os.path.join(root, "modules.csv"), "\r\n".join(rows) + "\r\n")
