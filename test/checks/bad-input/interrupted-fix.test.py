"""Starts `--fix` with writes stalled half-way, kills it with SIGKILL during
the stall, then checks the directory: originals or complete rewrites only,
no *.mpl-* temporaries."""
import os
import shutil
import signal
import subprocess
import sys
import time

tool, work, original, kinc = sys.argv[1:5]
flags = ["-nostdinc", "-I" + kinc]
# The complete rewrite, for comparison.
ref = os.path.join(work, "ref")
os.makedirs(ref)
shutil.copy(original, os.path.join(ref, "a.c"))
subprocess.run([tool, "--fix", "--quiet", os.path.join(ref, "a.c"), "--"] + flags,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
fixed = open(os.path.join(ref, "a.c"), "rb").read()
before = open(original, "rb").read()
assert fixed != before

env = dict(os.environ, MPL_TEST_STALL_WRITE="30")
proc = subprocess.Popen([tool, "--fix", "--quiet", "-j1",
                         os.path.join(work, "a.c"), os.path.join(work, "b.c"), "--"] + flags,
                        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
# Wait until the first write is under way (its anonymous temporary exists
# only as an open descriptor: look for it in /proc).
deadline = time.time() + 60
while time.time() < deadline:
    fds = []
    try:
        fds = [os.readlink("/proc/%d/fd/%s" % (proc.pid, f))
               for f in os.listdir("/proc/%d/fd" % proc.pid)]
    except OSError:
        pass
    if any(work in f for f in fds):
        break
    time.sleep(0.1)
else:
    proc.kill()
    sys.exit("the --fix run never started writing")
time.sleep(0.5)
proc.send_signal(signal.SIGKILL)
proc.wait()

leftovers = [f for f in os.listdir(work) if ".mpl-" in f]
if leftovers:
    sys.exit("temporary files left behind: %s" % leftovers)
for name in ("a.c", "b.c"):
    data = open(os.path.join(work, name), "rb").read()
    if data not in (before, fixed):
        sys.exit("%s is half-written (%d bytes)" % (name, len(data)))
print("ok: no temporary files, no half-written file")
