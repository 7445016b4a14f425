#!/usr/bin/env python3
"""Runs one command and prints its wall time, CPU time (user + system) and
peak RSS on one line, "WALL_MS CPU_MS RSS_KIB", to the file named by -o
(stdout otherwise). CPU time comes from wait4 in microseconds, where
/usr/bin/time rounds it to 10 ms; the peak RSS from /usr/bin/time, which
starts the command from a small process (a child forked from Python would
count Python's pages as its own). Exits with the command's status; the
command's own output goes where it would.

Usage: measure.py [-o FILE] COMMAND [ARGUMENTS...]"""
import os
import subprocess
import sys
import tempfile
import time

arguments = sys.argv[1:]
report = None
if arguments[:1] == ["-o"]:
    report, arguments = arguments[1], arguments[2:]
rss_handle, rss_file = tempfile.mkstemp(suffix=".rss")
os.close(rss_handle)
start = time.monotonic()
child = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%M", "-o", rss_file] + arguments)
_, waited, usage = os.wait4(child.pid, 0)  # this child's own usage alone
wall = (time.monotonic() - start) * 1000
child.returncode = status = os.waitstatus_to_exitcode(waited)
with open(rss_file, encoding="ascii") as rss:
    peak = rss.read().split()[-1]
os.remove(rss_file)
line = f"{wall:.1f} {(usage.ru_utime + usage.ru_stime) * 1000:.1f} {peak}\n"
if report:
    with open(report, "w", encoding="ascii") as out:
        out.write(line)
else:
    sys.stdout.write(line)
sys.exit(status if status >= 0 else 128 - status)
