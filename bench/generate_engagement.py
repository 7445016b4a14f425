#!/usr/bin/env python3
"""Writes a large engagement for golive build's benchmark: a runbook of ITEMS
steps in phases (evidence, rollback guidance, code blocks, dependencies),
a pre-flight list, CONTACTS emergency contacts, signatories, an audit, and
a run in which most steps are recorded (some twice).

Usage: generate_engagement.py FOLDER [ITEMS] [CONTACTS]   (2000, 100)"""
import datetime
import os
import sys

folder = sys.argv[1]
items = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
contacts = int(sys.argv[3]) if len(sys.argv) > 3 else 100
names = ["Jürgen Weiß", "Zofia Łukasiewicz", "Åsa Lindqvist", "Markéta Dvořáková",
         "Ľubomír Šťastný", "Søren Ødegård", "Ilona Kővári", "José Núñez"]
roles = ["technical-lead", "functional-lead", "upgrade-owner", "rollback-owner"]
os.makedirs(os.path.join(folder, "runs"), exist_ok=True)


def write(name, text):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
        out.write(text)


def runbook():
    lines = ["kind: checklist", "id: big-runbook", "title: Generated go-live runbook",
             'version: "1.0"', "summary: A generated runbook for measuring golive build.",
             "roles:"] + [f"  {role}: {role.replace('-', ' ').capitalize()}" for role in roles]
    lines.append("phases:")
    per_phase = 50
    for start in range(0, items, per_phase):
        lines += [f"  - id: p{start // per_phase}", f"    title: Phase {start // per_phase + 1}",
                  "    budget: 1h", "    items:"]
        for number in range(start, min(items, start + per_phase)):
            lines += [f"      - id: s{number}",
                      f"        title: Verify component {number} of the upgrade",
                      f"        kind: {['check', 'action', 'validation'][number % 3]}",
                      f"        owner: {roles[number % len(roles)]}",
                      f"        blocking: {'true' if number % 5 == 0 else 'false'}",
                      "        expected: The component answers and its log shows no error.",
                      "        details: |",
                      "          Run the check and keep its output:",
                      "",
                      "          ```sh",
                      f"          odoo-bin shell -d prod <<< 'env[\"ir.module.module\"].search_count([])'  # {number}",
                      "          ```"]
            if number % 10 == 0:
                lines += ["        rollback:", "          trigger: The component fails twice.",
                          "          action: Stop and go to the rollback decision."]
            if number % 7 == 0:
                lines += ["        evidence:", "          log: the log file's name"]
            if number > 0 and number % 4 == 0:
                lines.append(f"        depends_on: [s{number - 1}]")
    return "\n".join(lines) + "\n"


def preflight():
    steps = "\n".join(f"      - {{id: \"{10 * n}\", title: Pre-flight check {n}, blocking: true}}"
                      for n in range(1, 13))
    return ("kind: checklist\nid: preflight\ntitle: Day-before pre-flight check\nversion: \"1.0\"\n"
            "phases:\n  - id: day-before\n    title: The day before\n    items:\n" + steps + "\n")


def project():
    people = "\n".join(f"  - {{id: p{n}, name: \"{names[n % len(names)]} {n}\", "
                       f"organisation: Client, roles: [{roles[n % len(roles)]}], "
                       f"phone: \"+49 30 555 {n:04d}\", email: p{n}@client.example}}"
                       for n in range(contacts))
    contact_lines = "\n".join(f"  - {{person: p{n}, role: Contact {n}, escalation: {n // 10 + 1}, "
                              f"availability: During the window}}" for n in range(contacts))
    return f"""kind: project
title: Generated engagement
client: {{name: Große Prüfmaschinen AG}}
consultant: {{name: Benchmark Consulting, lead: p0}}
system: {{from: Odoo 16.0, to: Odoo 19.0}}
window: {{start: "2026-03-20T18:00:00+01:00", end: "2026-03-21T06:00:00+01:00"}}
people:
{people}
contacts:
{contact_lines}
signatories:
  - {{id: sponsor, role: Client sponsor, person: p1, artifacts: [runbook, signoff, closeout]}}
  - {{id: lead, role: Consultancy lead, person: p0, artifacts: [runbook, signoff, closeout]}}
document: {{version: "1.0", date: 2026-03-19}}
checklists:
  - {{file: preflight.yaml, run: runs/preflight.yaml, artifacts: [preflight]}}
  - {{file: runbook.yaml, run: runs/runbook.yaml, artifacts: [runbook, closeout]}}
audit: audit.yaml
"""


def run():
    """Records spread evenly over the twelve-hour window from 18:00 (the
    retry of a failed step half way to the next record), so that any
    number of steps gives valid, ordered times inside the window."""
    lines = ["kind: run", "project: ../project.yaml", "checklist: big-runbook", "records:"]
    recorded = items * 3 // 4
    window = 12 * 3600  # [s] the project's window
    start = datetime.datetime(2026, 3, 20, 18, 0, 0,
                              tzinfo=datetime.timezone(datetime.timedelta(hours=1)))

    def at(second):
        return (start + datetime.timedelta(seconds=second)).isoformat()

    for number in range(recorded):
        second = number * window // max(recorded, 1)
        retry = second + max(window // max(recorded, 1) // 2, 0)
        evidence = ', evidence: {log: "check.log"}' if number % 7 == 0 else ""
        status = "failed" if number % 97 == 0 else "done"
        lines.append(f'- {{item: s{number}, status: {status}, by: p{number % contacts}, '
                     f'at: "{at(second)}"{evidence}}}')
        if status == "failed":
            lines.append(f'- {{item: s{number}, status: done, by: p0, '
                         f'at: "{at(retry)}", note: "Retried"{evidence}}}')
    return "\n".join(lines) + "\n"


def audit():
    components = "\n".join(f"  - {{name: module_{n}, origin: custom, action: migrate}}"
                           for n in range(20))
    return f"""kind: audit
date: 2026-02-10
summary: Generated findings.
current_system: {{version: Odoo 16.0, hosting: Odoo.sh}}
scope: {{migrate: [Everything]}}
components:
{components}
next_step: Rehearse.
"""


write("runbook.yaml", runbook())
write("preflight.yaml", preflight())
write("project.yaml", project())
write("runs/runbook.yaml", run())
write("runs/preflight.yaml",
      "kind: run\nproject: ../project.yaml\nchecklist: preflight\nrecords:\n")
write("audit.yaml", audit())
