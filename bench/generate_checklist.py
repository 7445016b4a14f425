#!/usr/bin/env python3
"""Writes a checklist-style Markdown document of N items to stdout, the
benchmark input for `golive md2pdf`: phases with time budgets, task items
with bold titles and owners, code blocks, a 20-row emergency contacts table
and non-ASCII names. The output depends only on N."""
import sys

PEOPLE = ["Ana Müller", "Jörg Åström", "Łukasz Żółć", "Zoë Ørsted", "François Lefèvre",
          "Ōta Keiko", "Ines Gonçalves", "Søren Kierkegård", "Małgorzata Wiśniewska",
          "José Ñúñez", "Dvořák Antonín", "Ülkü Çelik"]
ROLES = ["Technical lead", "Functional lead", "DBA", "Upgrade owner", "Communication owner",
         "Rollback owner", "Support lead", "Client UAT owner"]
ACTIONS = ["Verify", "Back up", "Restore", "Freeze", "Notify", "Validate", "Run", "Confirm",
           "Check", "Record"]
OBJECTS = ["the production database", "the filestore", "outbound mail (SPF, DKIM, DMARC)",
           "scheduled actions", "the payment provider in live mode", "user access rights",
           "the sales → invoice → delivery → payment flow", "DNS records (TTL 300 s)",
           "the custom module sale_ext", "the nightly backup job"]
COMMANDS = [
    'pg_dump -Fc "$ODOO_DB" > "/var/backups/odoo/pre-upgrade-$(date +%F-%H%M).dump"',
    "sudo systemctl stop odoo && sudo systemctl status odoo --no-pager",
    'odoo-bin -c /etc/odoo/odoo.conf -d "$ODOO_DB" -u all --stop-after-init',
    'psql -U odoo -d "$ODOO_DB" -c "SELECT count(*) FROM account_move;"',
    "journalctl -u odoo --since '30 min ago' --no-pager | tail -n 200",
]


def contacts():
    lines = ["## Emergency contacts", "",
             "| Order | Role | Name | Phone | Email | Availability |",
             "|---:|---|---|---|---|---|"]
    for index in range(20):
        name = PEOPLE[index % len(PEOPLE)]
        mail = "contact%02d@example.com" % (index + 1)
        phone = "+41 44 %03d %02d %02d" % (100 + index, index, 10 + index)
        lines.append("| %d | %s | %s | [%s](tel:%s) | <%s> | %s |" % (
            index + 1, ROLES[index % len(ROLES)], name, phone, phone.replace(" ", ""), mail,
            "24/7" if index % 3 == 0 else "Mon–Fri 08:00–18:00"))
    return "\n".join(lines) + "\n"


def item(number):
    action = ACTIONS[number % len(ACTIONS)]
    thing = OBJECTS[(number * 7) % len(OBJECTS)]
    owner = PEOPLE[(number * 5) % len(PEOPLE)]
    role = ROLES[number % len(ROLES)]
    flags = " · **blocking**" if number % 4 == 0 else ""
    text = ["- [%s] **%d. %s %s** — owner: %s (%s)%s" % (
        "x" if number % 5 == 0 else " ", number, action, thing, owner, role, flags), "",
        "  Expected result: %s is confirmed and the evidence is attached to the run log; "
        "rollback if it fails twice." % thing, ""]
    if number % 3 == 0:
        text += ["  ```sh", "  " + COMMANDS[number % len(COMMANDS)],
                 "  " + COMMANDS[(number + 2) % len(COMMANDS)], "  ```", ""]
    return "\n".join(text)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    out = ["# Go-live runbook — Zürich Ölwerke AG", "",
           "Odoo 16 → 19 production upgrade, %d checklist items." % count, "", contacts()]
    phase = 0
    for number in range(1, count + 1):
        if (number - 1) % 25 == 0:
            phase += 1
            out.append("## Phase %d — %s (budget %d min)\n" % (
                phase, ACTIONS[phase % len(ACTIONS)] + " " + OBJECTS[phase % len(OBJECTS)],
                15 + phase % 4 * 15))
        out.append(item(number))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
