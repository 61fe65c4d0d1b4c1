#!/usr/bin/env python3
"""expect_exit.py N cmd args...: run cmd, pass its stdout through, and fail
unless it exits with status N (lit's `not` cannot tell 1 from 2)."""
import subprocess
import sys

want = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE)
sys.stdout.buffer.write(proc.stdout)
if proc.returncode != want:
    sys.stderr.write("expected exit status %d, got %d: %s\n"
                     % (want, proc.returncode, " ".join(sys.argv[2:])))
    sys.exit(1)
